using System.IO.Compression;
using System.Net;
using System.Text;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.Tests.Auth.Support;
using KooDrive.Generated.Tests.Resilience.Support;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Resilience;

/// <summary>
/// The response body is read inside the attempt (KooDriveResilienceHandler), so the timeouts cover it and
/// a body that stalls, is cut short or does not decode ends the call with a typed outcome.
/// </summary>
public class ResponseBufferingTests
{
    private const string Device = "1842812272691451648";

    // A regression would hang: the guard turns that into a failure instead.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    private static readonly RawAnswer StalledBody = RawAnswer.Of(
        "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 100", Encoding.ASCII.GetBytes("""{"code":"""), stall: true);

    private static readonly RawAnswer TruncatedBody = RawAnswer.Of(
        "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 100\nConnection: close", Encoding.ASCII.GetBytes("""{"code":"""));

    [Fact]
    public async Task A_body_that_stalls_after_the_headers_ends_the_call_at_the_total_timeout()
    {
        await using var server = new RawHttpServer(_ => StalledBody);
        var options = Options(server, resilience: true);
        options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);

        // Over a second after the first attempt gives up, so a loaded machine still sees the retry arrive.
        options.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(1500);
        using var http = KooDriveHttpClientFactory.Create(options);
        using var guard = new CancellationTokenSource(Guard);

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => new BackupClient(http).UnbindDeviceAsync(Device, guard.Token));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.False(guard.IsCancellationRequested, "the call only ended when the test's guard canceled it");
        Assert.True(server.Requests >= 2, $"a stalled body is a transient failure the DELETE retries; {server.Requests} request(s) arrived");
    }

    [Fact]
    public async Task Without_resilience_the_HttpClient_timeout_covers_a_stalled_body()
    {
        await using var server = new RawHttpServer(_ => StalledBody);
        using var http = KooDriveHttpClientFactory.Create(Options(server, resilience: false));
        http.Timeout = TimeSpan.FromMilliseconds(500);
        using var guard = new CancellationTokenSource(Guard);

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => new BackupClient(http).UnbindDeviceAsync(Device, guard.Token));

        Assert.False(guard.IsCancellationRequested, "the call only ended when the test's guard canceled it");
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_DELETE_whose_body_is_cut_short_is_retried_and_succeeds_on_the_second_attempt()
    {
        await using var server = new RawHttpServer(n => n == 1 ? TruncatedBody : RawAnswer.Json("""{"code":0,"msg":"success"}"""));
        using var http = KooDriveHttpClientFactory.Create(Options(server, resilience: true));
        using var guard = new CancellationTokenSource(Guard);

        var result = await new BackupClient(http).UnbindDeviceAsync(Device, guard.Token);

        Assert.Equal(0, result.Code);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task A_corrupt_gzip_body_is_a_typed_invalid_response_with_the_trace_ID_and_is_not_retried()
    {
        await using var server = new RawHttpServer(_ => CorruptGzip());
        using var http = KooDriveHttpClientFactory.Create(Options(server, resilience: true));
        var traceId = KooDriveTraceId.NewId();
        using var guard = new CancellationTokenSource(Guard);

        KooDriveInvalidResponseException error;
        using (KooDriveTraceId.Begin(traceId))
        {
            error = await Assert.ThrowsAsync<KooDriveInvalidResponseException>(() => new BackupClient(http).UnbindDeviceAsync(Device, guard.Token));
        }

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(traceId, error.TraceId);
        Assert.Contains(traceId, error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(error.InnerException);
        Assert.Contains(error.Headers, h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Without_the_KooDrive_pipeline_a_corrupt_gzip_body_is_still_a_typed_invalid_response()
    {
        await using var server = new RawHttpServer(_ => CorruptGzip());
        using var http = new HttpClient(KooDriveHttpClientFactory.CreatePrimaryHandler()) { BaseAddress = server.Address };
        using var guard = new CancellationTokenSource(Guard);

        var error = await Assert.ThrowsAsync<KooDriveInvalidResponseException>(() => new BackupClient(http).UnbindDeviceAsync(Device, guard.Token));

        Assert.Equal(200, error.StatusCode);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    public async Task A_body_larger_than_the_SDK_reads_is_a_typed_invalid_response()
    {
        var stub = StubHandler.Answer(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(new byte[(16 * 1024 * 1024) + 1]),
        });
        using var http = KooDriveHttpClientFactory.Create(TestPipelines.Bearer(time: TimeProvider.System, resilience: true), stub);

        var error = await Assert.ThrowsAsync<KooDriveInvalidResponseException>(() => new BackupClient(http).UnbindDeviceAsync(Device));

        Assert.Contains("16 MiB", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Single(stub.Requests);
    }

    private static KooDriveClientOptions Options(RawHttpServer server, bool resilience)
    {
        var options = TestPipelines.Bearer(time: TimeProvider.System, baseAddress: server.Address, resilience: resilience);
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
        return options;
    }

    private static RawAnswer CorruptGzip()
    {
        var gzip = new MemoryStream();
        using (var zip = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes("""{"code":0,"msg":"success","data":null}"""));
        }

        var body = gzip.ToArray();
        for (var i = 10; i < body.Length - 8; i++)
        {
            body[i] ^= 0x5A; // Keep the gzip header, break the deflate stream.
        }

        return RawAnswer.Of($"HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: {body.Length}\nConnection: close", body);
    }
}
