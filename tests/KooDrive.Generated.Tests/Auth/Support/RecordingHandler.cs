using System.Net;
using System.Text;

namespace KooDrive.Generated.Tests.Auth.Support;

/// <summary>One request as it left the pipeline: headers and the body bytes the transport would write.</summary>
internal sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string[]> Headers, byte[]? Body, string? TraceIdOption)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

    public bool HasHeader(string name) => Headers.ContainsKey(name);

    public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);
}

/// <summary>A transport stand-in that records every request and answers with a configurable response.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>Builds the response for the n-th request (1-based); 200 with a success envelope when null.</summary>
    public Func<HttpRequestMessage, int, HttpResponseMessage>? Respond { get; set; }

    /// <summary>Builds the response asynchronously, observing the attempt's cancellation; takes precedence over <see cref="Respond"/>.</summary>
    public Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>>? RespondAsync { get; set; }

    /// <summary>Thrown instead of answering, when set.</summary>
    public Exception? Throw { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public RecordedRequest Single => Assert.Single(Requests);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Success() => Json(HttpStatusCode.OK, """{"code":0,"msg":"success"}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[]? body = null;
        if (request.Content is not null)
        {
            // CopyToAsync is what the real transport does with a request body.
            using var buffer = new MemoryStream();
            await request.Content.CopyToAsync(buffer, cancellationToken);
            body = buffer.ToArray();
        }

        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.NonValidated)
        {
            headers[header.Key] = [.. header.Value];
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers.NonValidated)
            {
                headers[header.Key] = [.. header.Value];
            }
        }

        request.Options.TryGetValue(KooDrive.Generated.Auth.KooDriveTraceId.RequestOptionKey, out var traceId);
        int count;
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body, traceId));
            count = _requests.Count;
        }

        if (Throw is not null)
        {
            throw Throw;
        }

        var response = RespondAsync is not null
            ? await RespondAsync(request, count, cancellationToken)
            : Respond?.Invoke(request, count) ?? Success();
        response.RequestMessage ??= request;
        return response;
    }
}
