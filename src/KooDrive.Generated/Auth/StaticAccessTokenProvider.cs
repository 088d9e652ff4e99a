using System.Diagnostics;
using Microsoft.Kiota.Abstractions.Authentication;

namespace KooDrive.Generated.Auth;

/// <summary>
/// An <see cref="IAccessTokenProvider"/> for a fixed access token, for scripts and tests. It hands the
/// token out only for an allowed host over HTTPS (plain HTTP on loopback accepted) and returns an empty
/// string otherwise.
/// </summary>
/// <remarks>
/// <para>
/// Created without hosts and used as <see cref="Configuration.KooDriveClientOptions.AccessTokenProvider"/>, it
/// trusts the client's own credential policy: the host of <see cref="Configuration.KooDriveClientOptions.BaseAddress"/>
/// (an emulator, a gateway) and <see cref="Configuration.KooDriveClientOptions.AllowedHosts"/>. Created with hosts,
/// that list is the one it honours everywhere, and a client whose base address host is not in it fails to
/// build. Used on its own (outside a KooDrive client), the default list is the two documented KooDrive hosts.
/// </para>
/// <para>
/// A KooDrive token expires after 20 minutes without use; long-running applications should implement
/// <see cref="IAccessTokenProvider"/> over their token source instead. The token never appears in
/// <see cref="ToString"/> or the debugger display.
/// </para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class StaticAccessTokenProvider : IAccessTokenProvider
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string _token;

    /// <summary>Creates the provider.</summary>
    /// <param name="accessToken">The access token (without the <c>Bearer</c> scheme).</param>
    /// <param name="allowedHosts">
    /// Hosts the token may be sent to. When none are given: inside a KooDrive client, the hosts the client
    /// allows (its base address host and <see cref="Configuration.KooDriveClientOptions.AllowedHosts"/>); on its
    /// own, the two documented KooDrive hosts (<see cref="KooDriveHosts.Default"/>). A list replaces them rather
    /// than adding to them.
    /// </param>
    /// <exception cref="ArgumentException">The token is empty or not a valid header token (whitespace, control or non-ASCII characters), or a host is malformed.</exception>
    public StaticAccessTokenProvider(string accessToken, params IEnumerable<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        ArgumentNullException.ThrowIfNull(allowedHosts);
        if (!HeaderValueGuard.IsToken(accessToken))
        {
            throw new ArgumentException("The access token must be non-empty printable ASCII without spaces, as the Authorization header carries it.", nameof(accessToken));
        }

        var hosts = allowedHosts.ToList();
        if (!hosts.TrueForAll(KooDriveCredentialPolicy.IsValidHost))
        {
            throw new ArgumentException(
                "Each allowed host must be a bare host name or IP literal: non-empty, without scheme, path, port, whitespace or control characters.",
                nameof(allowedHosts));
        }

        TrustsClientPolicy = hosts.Count == 0;
        Policy = new KooDriveCredentialPolicy(hosts.Count == 0 ? KooDriveHosts.Default : hosts);
        AllowedHostsValidator = new AllowedHostsValidator(Policy.AllowedHosts);
        _token = accessToken;
    }

    /// <summary>The hosts (and scheme rule) the token is handed out for when the provider is used on its own.</summary>
    internal KooDriveCredentialPolicy Policy { get; }

    /// <inheritdoc />
    public AllowedHostsValidator AllowedHostsValidator { get; }

    /// <summary>
    /// True when no hosts were given: a KooDrive client then applies its own credential policy (base address
    /// host and allowed hosts) instead of <see cref="Policy"/>, which the provider cannot know at construction.
    /// </summary>
    internal bool TrustsClientPolicy { get; }

    /// <summary>The token, for a KooDrive client whose credential policy has already allowed the request.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    internal string Token => _token;

    /// <inheritdoc />
    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Policy.AllowsCredentialsFor(uri) ? _token : string.Empty);
    }

    /// <summary>Describes the provider without revealing the token.</summary>
    /// <returns>The allowed hosts, with the token redacted.</returns>
    public override string ToString() =>
        $"StaticAccessTokenProvider {{ Token = [redacted], AllowedHosts = [{string.Join(", ", Policy.AllowedHosts)}] }}";
}
