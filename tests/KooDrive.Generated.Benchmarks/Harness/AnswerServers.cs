using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KooDrive.Generated.Benchmarks.Harness;

/// <summary>
/// An in-process Kestrel server on 127.0.0.1 that reads each request body to the end and answers every
/// delete-scopes call with the same bytes.
/// </summary>
public sealed class LoopbackAnswerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackAnswerServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The base address, ending in '/'.</summary>
    public Uri Address { get; }

    /// <summary>Starts a server answering <paramref name="answer"/>.</summary>
    public static async Task<LoopbackAnswerServer> StartAsync(byte[] answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapDelete("/koodrive/ose/v1/backup/device/{deviceId}/scope", async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.ContentType = "application/json;charset=UTF-8";
            context.Response.ContentLength = answer.Length;
            await context.Response.Body.WriteAsync(answer, context.RequestAborted);
        });
        await app.StartAsync();
        return new LoopbackAnswerServer(app, new Uri(app.Urls.First() + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// The in-memory transport: reads the request body to the end (so lazily written bodies are written) and
/// answers from memory.
/// </summary>
public sealed class InMemoryAnswerHandler(byte[] answer) : HttpMessageHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } body)
        {
            await body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(answer);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
