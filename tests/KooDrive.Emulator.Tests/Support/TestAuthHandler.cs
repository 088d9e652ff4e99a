using System.Net.Http.Headers;

namespace KooDrive.Emulator.Tests.Support;

/// <summary>
/// Stands in for the SDK's authentication handlers (not on this branch yet): adds X-User-Id, X-Date and
/// either a Bearer token or an app signature over the exact body bytes sent.
/// </summary>
internal sealed class TestAuthHandler(AuthMode mode, EmulatorCredentials credentials, TimeProvider clock) : DelegatingHandler(new SocketsHttpHandler())
{
    /// <summary>Set on a request to leave out X-User-Id.</summary>
    public static readonly HttpRequestOptionsKey<bool> OmitUserId = new("koodrive.test.omit-user-id");

    /// <summary>Set on a request to send (and sign) this X-Date instead of the clock's.</summary>
    public static readonly HttpRequestOptionsKey<string> XDateOverride = new("koodrive.test.x-date");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        if (request.Content is not null)
        {
            var exact = new ByteArrayContent(body);
            foreach (var header in request.Content.Headers)
            {
                exact.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = exact;
        }

        var xDate = request.Options.TryGetValue(XDateOverride, out var chosen) ? chosen : ReferenceSigner.XDate(clock.GetUtcNow());
        request.Headers.Add("X-Date", xDate);
        if (!request.Options.TryGetValue(OmitUserId, out var omit) || !omit)
        {
            request.Headers.Add("X-User-Id", credentials.UserId);
        }

        if (mode == AuthMode.Bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.BearerToken);
        }
        else
        {
            var uri = request.RequestUri!;
            var host = request.Headers.Host ?? uri.Authority;
            var canonical = ReferenceSigner.CanonicalRequest(request.Method.Method, uri, host, xDate, credentials.UserId, body);
            request.Headers.TryAddWithoutValidation("Authorization", ReferenceSigner.Authorization(credentials.AppId, credentials.AppSecret, canonical));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
