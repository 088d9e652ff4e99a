using System.Net;

namespace KooDrive.Generated.Auth;

/// <summary>
/// Which redirects <see cref="KooDriveAuthenticationHandler"/> follows, and the request it sends for the next hop.
/// A redirect is followed only to where the request's credentials may go: a target the
/// <see cref="KooDriveCredentialPolicy"/> does not allow (another host, plain HTTP off loopback) is not followed, so
/// nothing of the request (lock ID, user ID, the caller's headers, a 307/308 body) reaches it.
/// </summary>
/// <remarks>
/// 301, 302, 303, 307 and 308 with a <c>Location</c> are followed. 303 (and 301/302 answering a POST) continue with a
/// GET without body, as browsers and HttpClient do; 307 and 308 repeat the method and the body. A redirect the policy
/// does not allow, from HTTPS to HTTP, or to a scheme other than HTTP(S) is not followed: the redirect response is
/// returned unchanged, and the generated clients report it as an unexpected status. Not following also keeps a
/// foreign host's <c>Date</c> away from the shared <see cref="KooDriveClock"/>. Each hop keeps the request's headers
/// (including <c>X-Traceid</c>) and options, except <c>Authorization</c>, <c>Host</c> and <c>X-Date</c>, which
/// authentication sets again for the hop's URI.
/// </remarks>
internal static class KooDriveRedirect
{
    /// <summary>The default maximum number of redirects followed for one request: 5.</summary>
    public const int DefaultMaxRedirects = 5;

    /// <summary>True for a status that may carry a redirect to follow; every other response is final without more checks.</summary>
    public static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>The request for the hop <paramref name="response"/> redirects to, or null when it is not to be followed.</summary>
    public static HttpRequestMessage? NextHop(HttpRequestMessage current, HttpResponseMessage response, KooDriveCredentialPolicy policy)
    {
        var status = response.StatusCode;
        if (!IsRedirect(status)
            || response.Headers.Location is not { } location
            || current.RequestUri is not { IsAbsoluteUri: true } from)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        var isHttp = target.Scheme == Uri.UriSchemeHttp;
        if (!(isHttp || target.Scheme == Uri.UriSchemeHttps) || (isHttp && from.Scheme == Uri.UriSchemeHttps) || !policy.AllowsCredentialsFor(target))
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
