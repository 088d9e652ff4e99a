using System.Globalization;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.Http;
using Microsoft.Kiota.Abstractions.Authentication;

namespace KooDrive.Generated.Auth;

/// <summary>
/// Authenticates every attempt, the one owner of what the service checks to accept a request: <c>X-User-Id</c>,
/// <c>X-Date</c> (from the shared <see cref="KooDriveClock"/>), and either the app signature over
/// <see cref="KooDriveRequestSigner.SignedHeaderNames"/> with the body bytes sent, or the bearer token.
/// Because it dates the request, it also sends it once more when the server refuses that date; and because
/// credentials are decided per URI, it follows redirects itself (<see cref="KooDriveRedirect"/>), each hop
/// authenticated afresh for its own URI, over a primary handler whose own redirection is off.
/// </summary>
/// <remarks>
/// <para>
/// Credentials go only where <see cref="KooDriveCredentialPolicy"/> allows: any other request fails before a
/// byte is sent, with an <see cref="InvalidOperationException"/> naming the host and the setting that allows it
/// (<see cref="CredentialWithheld"/>), because KooDrive refuses a request without credentials and a silent
/// omission would only surface as that refusal. In token mode the <see cref="IAccessTokenProvider"/> is asked
/// on every attempt (KooDrive tokens live 20 minutes with a sliding window, so the provider decides when to
/// refresh) and its own <see cref="IAccessTokenProvider.AllowedHostsValidator"/> is honoured too, except for a
/// <see cref="StaticAccessTokenProvider"/> created without hosts, which defers to the client's policy.
/// </para>
/// <para>
/// The signed <c>host</c> is what the server receives: the request's explicit <c>Host</c> header, else the
/// URI's IDN host (IPv6 in brackets) with its port unless it is the scheme's default. The body the SDK
/// generates (<see cref="KooDriveJsonContent"/>) is hashed from the very bytes it sends; any other body is
/// buffered once, so the hashed bytes are the sent bytes and a retry can send them again.
/// </para>
/// <para>
/// Every response's <c>Date</c> teaches the clock. A 400 or 401 whose <c>Date</c> shows the <c>X-Date</c> sent
/// in the future or at least 15 minutes old (<see cref="KooDriveClock.RefusesTime"/>) is answered by sending
/// the request once more, dated by the corrected clock and signed again; the second answer is returned whatever it is.
/// </para>
/// </remarks>
internal sealed class KooDriveAuthenticationHandler : DelegatingHandler
{
    private readonly KooDriveCredentialPolicy _policy;
    private readonly KooDriveClock _clock;
    private readonly string _userId;
    private readonly KooDriveRequestSigner? _signer;
    private readonly IAccessTokenProvider? _tokenProvider;
    private readonly int _maxRedirects;

    // A fixed token that trusts this client's policy gives the same header value for every request.
    private readonly string? _fixedAuthorization;

    /// <summary>Creates the handler for options that <see cref="KooDriveClientOptions.Validate"/> accepted.</summary>
    public KooDriveAuthenticationHandler(KooDriveClientOptions options, KooDriveCredentialPolicy policy, KooDriveClock clock)
    {
        _policy = policy;
        _clock = clock;
        _userId = options.UserId!;
        _maxRedirects = options.MaxRedirects;
        if (options.AppCredential is { } credential)
        {
            _signer = new KooDriveRequestSigner(credential);
        }
        else
        {
            _tokenProvider = options.AccessTokenProvider!;
            if (_tokenProvider is StaticAccessTokenProvider { TrustsClientPolicy: true } fixedToken)
            {
                _fixedAuthorization = "Bearer " + fixedToken.Token;
            }
        }
    }

    /// <summary>The clock <c>X-Date</c> is taken from.</summary>
    public KooDriveClock Clock => _clock;

    /// <summary>How many redirects one request may follow; after that the last redirect response is returned.</summary>
    public int MaxRedirects => _maxRedirects;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        for (var hop = 0; ; hop++)
        {
            // Each hop is authenticated for its own URI, and sent once more, dated afresh, when the server refuses the date.
            current.Headers.Remove(KooDriveHeaderNames.Authorization);
            var uri = current.RequestUri;
            if (!_policy.AllowsCredentialsFor(uri))
            {
                throw CredentialWithheld.ByPolicy(uri, _signer is null ? "access token" : "signature");
            }

            var payload = await ReadPayloadAsync(current.Content, cancellationToken).ConfigureAwait(false);
            Replace(current, KooDriveHeaderNames.UserId, _userId);
            var sentAt = await AuthenticateAsync(current, uri!, payload, cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            _clock.Observe(response);
            if (KooDriveClock.RefusesTime(response, sentAt))
            {
                response.Dispose();
                await AuthenticateAsync(current, uri!, payload, cancellationToken).ConfigureAwait(false);
                response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
                _clock.Observe(response);
            }

            if (hop == _maxRedirects || !KooDriveRedirect.IsRedirect(response.StatusCode)
                || KooDriveRedirect.NextHop(current, response, _policy) is not { } next)
            {
                return response;
            }

            response.Dispose();
            current = next;
        }
    }

    /// <summary>The <c>Host</c> header HttpClient sends for <paramref name="uri"/>: IDN host, IPv6 in brackets, port unless default.</summary>
    internal static string GetHostHeaderValue(Uri uri)
    {
        var host = uri.HostNameType == UriHostNameType.IPv6 ? "[" + uri.IdnHost + "]" : uri.IdnHost;
        return uri.IsDefaultPort ? host : host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
    }

    private static void Replace(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>Sets <c>X-Date</c> and <c>Authorization</c> for one send; returns the instant the date stands for.</summary>
    private async ValueTask<DateTimeOffset> AuthenticateAsync(HttpRequestMessage request, Uri uri, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var xDate = _clock.GetXDate(out var sentAt);
        Replace(request, KooDriveHeaderNames.Date, xDate);
        var authorization = _signer is not null
            ? _signer.CreateAuthorization(request.Method.Method, uri, request.Headers.Host ?? GetHostHeaderValue(uri), xDate, _userId, payload.Span)
            : _fixedAuthorization ?? "Bearer " + await GetTokenAsync(uri, cancellationToken).ConfigureAwait(false);
        Replace(request, KooDriveHeaderNames.Authorization, authorization);
        return sentAt;
    }

    private async ValueTask<string> GetTokenAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (!(_tokenProvider!.AllowedHostsValidator?.IsUrlHostValid(uri) ?? true))
        {
            throw CredentialWithheld.ByProvider(uri, emptyToken: false);
        }

        var token = await _tokenProvider.GetAuthorizationTokenAsync(uri, additionalAuthenticationContext: null, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token))
        {
            throw CredentialWithheld.ByProvider(uri, emptyToken: true);
        }

        if (!HeaderValueGuard.IsToken(token))
        {
            throw HeaderValueGuard.InvalidHeader(
                KooDriveHeaderNames.Authorization,
                "The access token returned by the IAccessTokenProvider contains whitespace, a control character or a non-ASCII character, which the 'Authorization' header cannot carry; the request was not sent.");
        }

        return token;
    }

    /// <summary>The body bytes to sign (empty in token mode); any body the SDK did not write is buffered so a second send repeats it.</summary>
    private async ValueTask<ReadOnlyMemory<byte>> ReadPayloadAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        switch (content)
        {
            case null:
                return ReadOnlyMemory<byte>.Empty;
            case KooDriveJsonContent json:
                return json.Utf8Bytes;
            default:
                await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                return _signer is null
                    ? ReadOnlyMemory<byte>.Empty
                    : await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
