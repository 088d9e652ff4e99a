using System.Net;
using System.Text;

namespace KooDrive.Generated.Tests.Support;

/// <summary>
/// Stands in for the network: records every request that reaches it and answers with a canned response, or,
/// built with <see cref="FailIfCalled"/>, fails the test's call if anything reaches it at all.
/// </summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage>? _respond;

    private StubHandler(Func<HttpRequestMessage, HttpResponseMessage>? respond) => _respond = respond;

    public List<RecordedRequest> Requests { get; } = [];

    public static StubHandler FailIfCalled() => new(null);

    public static StubHandler Answer(HttpStatusCode status, string body, string mediaType = "application/json", Action<HttpResponseMessage>? configure = null) =>
        new(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            configure?.Invoke(response);
            return response;
        });

    public static StubHandler Answer(Func<HttpRequestMessage, HttpResponseMessage> respond) => new(respond);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, body, KooDrive.Generated.Spec.KooDriveOperation.Of(request)));
        if (_respond is null)
        {
            throw new InvalidOperationException($"No request may reach the network in this test, but {request.Method} {request.RequestUri} did.");
        }

        var response = _respond(request);
        response.RequestMessage = request;
        return response;
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, KooDrive.Generated.Spec.KooDriveOperation? Operation = null);

/// <summary>
/// Plays the part of the auth pipeline: puts a trace ID and a credential on every request, so tests can
/// check that exceptions carry the one and never the other.
/// </summary>
internal sealed class FakeAuthHandler(string traceId, string authorization) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("X-Traceid", traceId);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return base.SendAsync(request, cancellationToken);
    }
}

internal static class TestClients
{
    public static readonly Uri BaseAddress = new("https://koodrive.test/");

    public static BackupClient Backup(HttpMessageHandler handler) => new(new HttpClient(handler) { BaseAddress = BaseAddress });

    public static AlbumClient Album(HttpMessageHandler handler) => new(new HttpClient(handler) { BaseAddress = BaseAddress });
}
