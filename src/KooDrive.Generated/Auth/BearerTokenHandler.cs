using System.Net.Http.Headers;
using Microsoft.Kiota.Abstractions.Authentication;

namespace KooDrive.Generated.Auth;

/// <summary>
/// Token authentication: asks an <see cref="IAccessTokenProvider"/> for a token on every request and sends
/// <c>Authorization: Bearer &lt;token&gt;</c>. Tokens are never cached here: KooDrive tokens live 20 minutes
/// with a sliding window, so the provider decides when to refresh.
/// </summary>
/// <remarks>
/// Any <c>Authorization</c> already on the request is removed. A request whose URI the
/// <see cref="KooDriveCredentialPolicy"/> or the provider's own <see cref="IAccessTokenProvider.AllowedHostsValidator"/>
/// does not allow, or for which the provider returns no token, is not sent: it fails with an
/// <see cref="InvalidOperationException"/> naming the host and the setting that allows it, because KooDrive
/// refuses every request without credentials and a silent omission would only surface as that refusal.
/// A <see cref="StaticAccessTokenProvider"/> created without hosts defers to the policy. A token that is not
/// printable ASCII without spaces is rejected with an <see cref="ArgumentException"/> naming the header,
/// without quoting the token.
/// </remarks>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly IAccessTokenProvider _tokenProvider;
    private readonly KooDriveCredentialPolicy _policy;

    /// <summary>Creates the handler.</summary>
    /// <param name="tokenProvider">The token source, asked once per request.</param>
    /// <param name="policy">Where credentials may be sent.</param>
    public BearerTokenHandler(IAccessTokenProvider tokenProvider, KooDriveCredentialPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        ArgumentNullException.ThrowIfNull(policy);
        _tokenProvider = tokenProvider;
        _policy = policy;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = null;
        var uri = request.RequestUri;
        if (uri is null || !_policy.AllowsCredentialsFor(uri))
        {
            throw CredentialWithheld.ByPolicy(uri, "access token");
        }

        string token;
        if (_tokenProvider is StaticAccessTokenProvider { TrustsClientPolicy: true } fixedToken)
        {
            token = fixedToken.Token;
        }
        else
        {
            if (!(_tokenProvider.AllowedHostsValidator?.IsUrlHostValid(uri) ?? true))
            {
                throw CredentialWithheld.ByProvider(uri, emptyToken: false);
            }

            token = await _tokenProvider.GetAuthorizationTokenAsync(uri, additionalAuthenticationContext: null, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(token))
            {
                throw CredentialWithheld.ByProvider(uri, emptyToken: true);
            }
        }

        if (!HeaderValueGuard.IsPrintableAscii(token, allowSpaces: false))
        {
            throw HeaderValueGuard.InvalidHeader(
                KooDriveHeaderNames.Authorization,
                "The access token returned by the IAccessTokenProvider contains whitespace, a control character or a non-ASCII character, which the 'Authorization' header cannot carry; the request was not sent.");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
