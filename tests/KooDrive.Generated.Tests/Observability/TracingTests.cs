using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Observability;
using KooDrive.Generated.Tests.Auth.Support;
using KooDrive.Generated.Tests.Resilience.Support;

namespace KooDrive.Generated.Tests.Observability;

public sealed class TracingTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public TracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == KooDriveTelemetry.ActivitySourceName,
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>The span of the call made under <paramref name="traceId"/> (other tests may emit spans concurrently).</summary>
    private Activity SpanOf(string traceId) =>
        Assert.Single(_stopped, a => (string?)a.GetTagItem("koodrive.trace_id") == traceId);

    [Fact]
    public async Task Each_call_is_one_span_named_after_its_operation_with_retries_as_events()
    {
        var traceId = KooDriveTraceId.NewId();
        using var scenario = new RetryScenario();
        scenario.Recorder.Respond = (_, n) =>
        {
            var response = new HttpResponseMessage(n == 1 ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK) { Content = new StringContent("""{"code":0}""") };
            response.Headers.Add("Retry-After", "1");
            return response;
        };

        Task call;
        using (KooDriveTraceId.Begin(traceId))
        {
            call = new BackupClient(scenario.Client).DeleteBackupScopesAsync("1842812272691451648", new DeleteBackupScopesRequest { ScopeIdList = { "1" } });
        }

        await scenario.ElapseDelayAsync(0);
        await call;

        var span = SpanOf(traceId);
        Assert.Equal("BackupClient.DeleteBackupScopes", span.DisplayName);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(KooDriveTelemetry.Version, span.Source.Version);
        Assert.Equal("DELETE", span.GetTagItem("http.request.method"));
        Assert.Equal("/koodrive/ose/v1/backup/device/1842812272691451648/scope", span.GetTagItem("url.path"));
        Assert.Equal("koodrive/ose/v1/backup/device/{deviceId}/scope", span.GetTagItem("url.template"));
        Assert.Equal("intl.myhuaweicloud-koodrive.com", span.GetTagItem("server.address"));
        Assert.Equal("DeleteBackupScopes", span.GetTagItem("koodrive.operation"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(2, span.GetTagItem("koodrive.attempts"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var retry = Assert.Single(span.Events);
        Assert.Equal("koodrive.retry", retry.Name);
        Assert.Contains(retry.Tags, t => t is { Key: "error.type", Value: "429" });
        Assert.Equal(["Authorization", "X-Date"], new[] { "Authorization", "X-Date" }.Where(h => scenario.Recorder.Requests.All(r => r.HasHeader(h))));
        Assert.DoesNotContain(span.Tags, t => scenario.Recorder.Requests.Any(r => t.Value == r.Header("Authorization") || t.Value == r.Header("X-Date")));
    }

    [Fact]
    public async Task A_failed_call_ends_its_span_in_error_with_the_error_type()
    {
        var traceId = KooDriveTraceId.NewId();
        using var scenario = new RetryScenario(o => o.Resilience.Enabled = false);
        scenario.Recorder.Throw = new HttpRequestException(HttpRequestError.ConnectionError, "refused");

        using (KooDriveTraceId.Begin(traceId))
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => new AlbumClient(scenario.Client).DeleteAlbumContentsAsync("1795607640592646273", new DeleteAlbumContentsRequest { Ids = { "1" } }));
        }

        var span = SpanOf(traceId);
        Assert.Equal("AlbumClient.DeleteAlbumContents", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.Net.Http.HttpRequestException", span.GetTagItem("error.type"));
        Assert.Contains(span.Events, e => e.Name == "exception");
    }

    [Fact]
    public async Task An_error_status_marks_the_span_as_an_error_and_an_unknown_route_is_named_by_method()
    {
        var traceId = KooDriveTraceId.NewId();
        using var scenario = new RetryScenario();
        scenario.Recorder.Respond = (_, _) => new HttpResponseMessage(HttpStatusCode.NotFound);

        using (KooDriveTraceId.Begin(traceId))
        {
            using var response = await scenario.Client.DeleteAsync(new Uri("koodrive/ose/v2/unknown", UriKind.Relative));
        }

        var span = SpanOf(traceId);
        Assert.Equal("KooDrive DELETE", span.DisplayName);
        Assert.Equal("404", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Null(span.GetTagItem("url.template"));
    }
}
