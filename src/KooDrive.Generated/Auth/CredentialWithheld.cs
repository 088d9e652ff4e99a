namespace KooDrive.Generated.Auth;

/// <summary>
/// The failure raised, before any byte is sent, when the pipeline would have to send a request without its
/// credentials. Such a request can only be refused by the service (or, worse, be answered by a host that should
/// not see the call), so it is stopped here with a message naming the host and the setting that allows it,
/// never the credential.
/// </summary>
internal static class CredentialWithheld
{
    /// <summary>The option to name for hosts refused by the client's own credential policy.</summary>
    public const string ClientAllowedHostsOption =
        "KooDriveClientOptions.AllowedHosts (configuration key AllowedHosts; the BaseAddress host is always allowed)";

    /// <summary>The option to name for hosts refused by the token provider.</summary>
    public const string ProviderAllowedHostsOption =
        "the AccessTokenProvider's AllowedHostsValidator (for StaticAccessTokenProvider, its allowedHosts argument; created without hosts, it trusts the client's BaseAddress host and AllowedHosts)";

    /// <summary>The exception for a request the client's <see cref="KooDriveCredentialPolicy"/> refuses.</summary>
    public static InvalidOperationException ByPolicy(Uri? requestUri, string credential)
    {
        if (requestUri is not { IsAbsoluteUri: true })
        {
            return new InvalidOperationException(
                $"The KooDrive client withheld its {credential} and did not send the request: the request URI is not absolute. Set KooDriveClientOptions.BaseAddress, or send an absolute URI.");
        }

        return KooDriveCredentialPolicy.IsSecureOrLoopback(requestUri)
            ? Create(requestUri, credential, "it is not an allowed host", "add it to " + ClientAllowedHostsOption)
            : Create(requestUri, credential, $"credentials travel only over https (plain http to loopback addresses only), and this request uses {requestUri.Scheme}", "use an https address");
    }

    /// <summary>The exception for a request the token provider refuses, or gives no token for.</summary>
    public static InvalidOperationException ByProvider(Uri requestUri, bool emptyToken) =>
        Create(
            requestUri,
            "access token",
            emptyToken ? "the AccessTokenProvider returned no token for it" : "the AccessTokenProvider does not allow it",
            "allow it in " + ProviderAllowedHostsOption);

    private static InvalidOperationException Create(Uri requestUri, string credential, string reason, string remedy) =>
        new($"The KooDrive client withheld its {credential} from host '{requestUri.Host}' and did not send the request: {reason}. To send credentials there, {remedy}.");
}
