using Microsoft.Kiota.Abstractions.Authentication;

namespace KooDrive.Generated.Auth;

/// <summary>
/// Decides whether a request may carry credentials: only to an allowed host (Kiota's
/// <see cref="AllowedHostsValidator"/>) and only over HTTPS, plain HTTP being accepted for loopback
/// addresses only (local emulators and tests).
/// </summary>
/// <remarks>
/// The hosts are checked by whoever takes them from a consumer (<c>KooDriveClientOptions.GetValidationErrors</c>,
/// the <see cref="StaticAccessTokenProvider"/> constructor) with <see cref="IsValidHost"/>. The one rule kept
/// here is the policy's own: an empty list would mean "every host" to Kiota, and a credential policy must
/// never default to that. Hosts compare case-insensitively and without the port.
/// </remarks>
internal sealed class KooDriveCredentialPolicy
{
    private readonly AllowedHostsValidator _validator;

    /// <summary>Creates a policy that allows the given hosts (already checked with <see cref="IsValidHost"/>).</summary>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public KooDriveCredentialPolicy(IEnumerable<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        _validator = new AllowedHostsValidator(allowedHosts);
        AllowedHosts = [.. _validator.AllowedHosts];
        if (AllowedHosts.Count == 0)
        {
            throw new ArgumentException("At least one allowed host is required: credentials are never sent to every host.", nameof(allowedHosts));
        }
    }

    /// <summary>The hosts credentials may be sent to.</summary>
    public IReadOnlyList<string> AllowedHosts { get; }

    /// <summary>True for an allowed host over HTTPS, or over HTTP on a loopback address; false otherwise, including for a relative or missing URI.</summary>
    public bool AllowsCredentialsFor(Uri? requestUri) =>
        requestUri is { IsAbsoluteUri: true }
        && IsSecureOrLoopback(requestUri)
        && _validator.IsUrlHostValid(requestUri);

    /// <summary>True for an <c>https</c> URI, or an <c>http</c> URI whose host is a loopback address.</summary>
    public static bool IsSecureOrLoopback(Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        return requestUri.IsAbsoluteUri
            && (requestUri.Scheme == Uri.UriSchemeHttps || (requestUri.Scheme == Uri.UriSchemeHttp && requestUri.IsLoopback));
    }

    /// <summary>Lists the allowed hosts.</summary>
    public override string ToString() => $"KooDriveCredentialPolicy {{ AllowedHosts = [{string.Join(", ", AllowedHosts)}] }}";

    /// <summary>A bare host name or IP literal: a valid header token without scheme, path, user information or port.</summary>
    internal static bool IsValidHost(string? host) =>
        HeaderValueGuard.IsToken(host)
        && host!.IndexOfAny(['/', '?', '#', '@']) < 0
        && (host.StartsWith('[') || !host.Contains(':', StringComparison.Ordinal));
}
