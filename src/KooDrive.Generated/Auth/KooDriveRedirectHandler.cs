using System.Net;

namespace KooDrive.Generated.Auth;

/// <summary>
/// Follows HTTP redirects itself, and only to where the request's credentials may go: a redirect whose target
/// the <see cref="KooDriveCredentialPolicy"/> does not allow (another host, plain HTTP off loopback) is not
/// followed, so nothing of the request (lock ID, user ID, the caller's headers, a 307/308 body) reaches that
/// target. A followed hop goes through <see cref="KooDriveAuthenticationHandler"/> again and is dated and signed
/// afresh for its new URI. Its place is set by <see cref="Configuration.KooDrivePipeline"/>, over a primary handler
/// whose own automatic redirection is off.
/// </summary>
/// <remarks>
/// 301, 302, 303, 307 and 308 with a <c>Location</c> are followed, at most <see cref="MaxRedirects"/> times;
/// after that the last redirect response is returned. 303 (and 301/302 answering a POST) continue with a GET
/// without body, as browsers and HttpClient do; 307 and 308 repeat the method and the body. A redirect the
/// policy does not allow, from HTTPS to HTTP, or to a scheme other than HTTP(S) is not followed: the redirect
/// response is returned unchanged, and the generated clients report it as an unexpected status. Not following
/// also keeps a foreign host's <c>Date</c> away from the shared <see cref="KooDriveClock"/>.
/// Each hop keeps the request's headers (including <c>X-Traceid</c>) and options, except
/// <c>Authorization</c>, <c>Host</c> and <c>X-Date</c>, which the authentication handler sets again.
/// </remarks>
internal sealed class KooDriveRedirectHandler : DelegatingHandler
{
    /// <summary>The default maximum number of redirects followed for one request: 5.</summary>
    public const int DefaultMaxRedirects = 5;

    private readonly KooDriveCredentialPolicy? _policy;

    /// <summary>Creates a handler that follows redirects only to the host of the redirected request.</summary>
    /// <param name="maxRedirects">How many redirects one request may follow; 0 follows none (checked by <c>KooDriveClientOptions.Validate</c>).</param>
    public KooDriveRedirectHandler(int maxRedirects = DefaultMaxRedirects)
    {
        System.Diagnostics.Debug.Assert(maxRedirects >= 0, "KooDriveClientOptions.Validate refuses a negative MaxRedirects.");
        MaxRedirects = maxRedirects;
    }

    /// <summary>Creates a handler that follows redirects only to targets <paramref name="policy"/> allows credentials for.</summary>
    /// <param name="policy">Where credentials, and therefore redirected requests, may go.</param>
    /// <param name="maxRedirects">How many redirects one request may follow; 0 follows none.</param>
    public KooDriveRedirectHandler(KooDriveCredentialPolicy policy, int maxRedirects = DefaultMaxRedirects)
        : this(maxRedirects)
    {
        _policy = policy;
    }

    /// <summary>How many redirects one request may follow.</summary>
    public int MaxRedirects { get; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var current = request;
        for (var hop = 0; hop < MaxRedirects; hop++)
        {
            var next = CreateRedirectRequest(current, response);
            if (next is null)
            {
                break;
            }

            response.Dispose();
            current = next;
            response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private bool MayFollow(Uri from, Uri target) =>
        _policy is not null
            ? _policy.AllowsCredentialsFor(target)
            : string.Equals(from.IdnHost, target.IdnHost, StringComparison.OrdinalIgnoreCase) && KooDriveCredentialPolicy.IsSecureOrLoopback(target);

    private HttpRequestMessage? CreateRedirectRequest(HttpRequestMessage current, HttpResponseMessage response)
    {
        var status = response.StatusCode;
        if (status is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)
            || response.Headers.Location is not { } location
            || current.RequestUri is not { IsAbsoluteUri: true } from)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        var isHttp = target.Scheme == Uri.UriSchemeHttp;
        if (!(isHttp || target.Scheme == Uri.UriSchemeHttps) || (isHttp && from.Scheme == Uri.UriSchemeHttps) || !MayFollow(from, target))
        {
            return null;
        }

        var method = current.Method;
        var keepBody = true;
        if ((status == HttpStatusCode.SeeOther && method != HttpMethod.Head)
            || (status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && method == HttpMethod.Post))
        {
            method = HttpMethod.Get;
            keepBody = false;
        }

        var next = new HttpRequestMessage(method, target)
        {
            Version = current.Version,
            VersionPolicy = current.VersionPolicy,
            Content = keepBody ? current.Content : null,
        };

        foreach (var header in current.Headers.NonValidated)
        {
            if (!string.Equals(header.Key, KooDriveHeaderNames.Authorization, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(header.Key, "Host", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(header.Key, KooDriveHeaderNames.Date, StringComparison.OrdinalIgnoreCase))
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        var options = (IDictionary<string, object?>)next.Options;
        foreach (var option in current.Options)
        {
            options[option.Key] = option.Value;
        }

        return next;
    }
}
