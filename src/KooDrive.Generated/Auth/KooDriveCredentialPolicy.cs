using Microsoft.Kiota.Abstractions.Authentication;

namespace KooDrive.Generated.Auth;

/// <summary>
/// Decides whether a request may carry credentials: only to an allowed host (Kiota's
/// <see cref="AllowedHostsValidator"/>) and only over HTTPS, plain HTTP being accepted for loopback
/// addresses only (local emulators and tests).
/// </summary>
/// <remarks>
/// Unlike a bare <see cref="AllowedHostsValidator"/>, an empty host list is refused at construction: an
/// empty list would mean "every host" to Kiota, and a credential policy must never default to that.
/// Hosts compare case-insensitively and without the port.
/// </remarks>
public sealed class KooDriveCredentialPolicy
{
    private readonly AllowedHostsValidator _validator;

    /// <summary>Creates a policy that allows the given hosts.</summary>
    /// <param name="allowedHosts">Host names (no scheme, path or port), e.g. <c>intl.myhuaweicloud-koodrive.com</c>.</param>
    /// <exception cref="ArgumentException">The list is empty or a host is malformed.</exception>
    public KooDriveCredentialPolicy(IEnumerable<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        var hosts = new List<string>();
        foreach (var host in allowedHosts)
        {
            if (!IsValidHost(host))
            {
                throw new ArgumentException(
                    "Each allowed host must be a bare host name or IP literal: non-empty, without scheme, path, port, whitespace or control characters.",
                    nameof(allowedHosts));
            }

            hosts.Add(host);
        }

        if (hosts.Count == 0)
        {
            throw new ArgumentException("At least one allowed host is required: credentials are never sent to every host.", nameof(allowedHosts));
        }

        _validator = new AllowedHostsValidator(hosts);
        AllowedHosts = [.. _validator.AllowedHosts];
    }

    /// <summary>The hosts credentials may be sent to.</summary>
    public IReadOnlyList<string> AllowedHosts { get; }

    /// <summary>True when <paramref name="requestUri"/> may carry credentials.</summary>
    /// <param name="requestUri">The absolute request URI.</param>
    /// <returns>True for an allowed host over HTTPS, or over HTTP on a loopback address; false otherwise, including for a relative or missing URI.</returns>
    public bool AllowsCredentialsFor(Uri? requestUri) =>
        requestUri is { IsAbsoluteUri: true }
        && IsSecureOrLoopback(requestUri)
        && _validator.IsUrlHostValid(requestUri);

    /// <summary>True for an <c>https</c> URI, or an <c>http</c> URI whose host is a loopback address.</summary>
    /// <param name="requestUri">An absolute URI.</param>
    /// <returns>Whether a credential may travel over this scheme.</returns>
    public static bool IsSecureOrLoopback(Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        return requestUri.IsAbsoluteUri
            && (requestUri.Scheme == Uri.UriSchemeHttps || (requestUri.Scheme == Uri.UriSchemeHttp && requestUri.IsLoopback));
    }

    /// <summary>Lists the allowed hosts.</summary>
    /// <returns>The policy and its hosts.</returns>
    public override string ToString() => $"KooDriveCredentialPolicy {{ AllowedHosts = [{string.Join(", ", AllowedHosts)}] }}";

    internal static bool IsValidHost(string? host) =>
        !string.IsNullOrEmpty(host)
        && !host.Any(c => char.IsWhiteSpace(c) || HeaderValueGuard.IsControl(c))
        && host.IndexOfAny(['/', '?', '#', '@']) < 0
        && !host.Contains("://", StringComparison.Ordinal)
        && (host.StartsWith('[') || !host.Contains(':', StringComparison.Ordinal));
}
