using System.Net;
using KooDrive.Generated.Auth;
using KooDrive.Generated.DependencyInjection;
using KooDrive.Generated.Observability;
using KooDrive.Generated.Spec;
using KooDrive.Generated.Tests.Auth.Support;
using KooDrive.Generated.Tests.DependencyInjection.Support;
using KooDrive.Generated.Tests.Observability.Support;
using KooDrive.Generated.Tests.Resilience.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KooDrive.Generated.Tests.Observability;

public class LoggingTests
{
    private const string TraceId = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789";

    private static HttpResponseMessage Unavailable()
    {
        var response = RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, """{"code":1,"msg":"busy"}""");
        response.Headers.Add("Retry-After", "2");
        return response;
    }

    /// <summary>Every value a log must never show: credentials, signatures, X-Date and the query.</summary>
    private static IEnumerable<string> Secrets(RecordingHandler recorder) =>
        recorder.Requests.SelectMany(r => new[]
        {
            r.Header("Authorization")!,
            r.Header("Authorization")!.Split("Signature=").Last(),
            r.Header("X-Date")!,
        }).Append(IndependentSigner.AppSecret).Append(TestPipelines.Token).Append("private-query-value");

    [Fact]
    public async Task A_call_with_a_retry_logs_start_retry_and_outcome_with_trace_ID_and_durations_and_no_secret()
    {
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateFactory();
        using var scenario = new RetryScenario(loggerFactory: loggerFactory);
        scenario.Recorder.Respond = (_, n) => n == 1 ? Unavailable() : RecordingHandler.Success();

        Task<HttpResponseMessage> call;
        using (KooDriveTraceId.Begin(TraceId))
        {
            call = scenario.Client.SendAsync(AsGeneratedMethodSends(HttpMethod.Delete, "koodrive/ose/v1/backup/device/d1?secret=private-query-value", KooDriveOperations.UnbindDevice));
        }

        await scenario.ElapseDelayAsync(0);
        using var response = await call;

        var entries = logs.Entries.Where(e => e.Category == KooDriveTelemetry.LoggerCategoryName).ToList();
        Assert.Equal(["RequestStarting", "RetryScheduled", "ResponseReceived"], entries.Select(e => e.EventId.Name));
        Assert.Equal([LogLevel.Debug, LogLevel.Warning, LogLevel.Information], entries.Select(e => e.Level));
        Assert.All(entries, e => Assert.Equal(TraceId, e["TraceId"]));
        Assert.All(entries, e => Assert.Equal("/koodrive/ose/v1/backup/device/d1", e["Path"]));
        Assert.Equal("UnbindDevice", entries[0]["Operation"]);
        Assert.Equal((1, "503", 2000.0), ((int)entries[1]["Attempt"]!, entries[1]["Outcome"], (double)entries[1]["DelayMilliseconds"]!));
        Assert.Equal((200, 2, 2000.0), ((int)entries[2]["StatusCode"]!, (int)entries[2]["Attempts"]!, (double)entries[2]["ElapsedMilliseconds"]!));
        Assert.Equal(
            $"KooDrive UnbindDevice DELETE /koodrive/ose/v1/backup/device/d1 answered 200 in 2000 ms after 2 attempt(s), trace ID {TraceId}",
            entries[2].Message);
        Assert.All(Secrets(scenario.Recorder), secret => Assert.All(logs.Entries, e => Assert.DoesNotContain(secret, e.AllText, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_failed_call_is_logged_as_an_error_with_its_trace_ID_and_the_exception_carries_it()
    {
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateFactory();
        using var scenario = new RetryScenario(loggerFactory: loggerFactory);
        scenario.Recorder.Throw = new HttpRequestException(HttpRequestError.ResponseEnded, "the server closed the connection");

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => new BackupClient(scenario.Client).AddBackupScopesAsync(
            "1842812272691451648",
            new AddBackupScopesRequest { ModuleCode = ModuleCode.FolderBackup, ScopeList = { new ScopeBaseInfo { LocalPath = "/DCIM" } } }));

        var failure = Assert.Single(logs.Entries, e => e.EventId.Name == "RequestFailed");
        var traceId = scenario.Recorder.Single.Header("X-Traceid");
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Equal(traceId, failure["TraceId"]);
        Assert.Equal("AddBackupScopes", failure["Operation"]);
        Assert.Equal("System.Net.Http.HttpRequestException", failure["ErrorType"]);
        Assert.Same(exception, failure.Exception);
        Assert.Equal(traceId, exception.Data[KooDriveTraceId.ExceptionDataKey]);
        Assert.All(Secrets(scenario.Recorder), secret => Assert.All(logs.Entries, e => Assert.DoesNotContain(secret, e.AllText, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Error_statuses_are_logged_as_warnings()
    {
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateFactory();
        using var scenario = new RetryScenario(loggerFactory: loggerFactory, bearer: true);
        scenario.Recorder.Respond = (_, _) => RecordingHandler.Json(HttpStatusCode.Unauthorized, """{"code":401,"msg":"no"}""");

        using var response = await scenario.Client.SendAsync(AsGeneratedMethodSends(HttpMethod.Delete, "koodrive/ose/v1/backup/record/r1", KooDriveOperations.DeleteBackupRecord));

        var outcome = Assert.Single(logs.Entries, e => e.EventId.Name == "ResponseReceived");
        Assert.Equal(LogLevel.Warning, outcome.Level);
        Assert.Equal(401, outcome["StatusCode"]);
        Assert.Equal("DeleteBackupRecord", outcome["Operation"]);
        Assert.All(logs.Entries, e => Assert.DoesNotContain(TestPipelines.Token, e.AllText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Through_DI_nothing_logged_at_any_level_by_the_SDK_or_IHttpClientFactory_shows_a_credential()
    {
        using var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var recorder = new RecordingHandler();
        services.AddKooDriveClient(o =>
        {
            o.UserId = TestPipelines.UserId;
            o.AppCredential = new KooDriveAppCredential(IndependentSigner.AppId, IndependentSigner.AppSecret);
            o.TimeProvider = TestPipelines.Time();
        }).UsingTransport(recorder);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IAlbumClient>().DeleteAlbumContentsAsync("1795607640592646273", new DeleteAlbumContentsRequest { Ids = { "1842846715527366528" } });

        Assert.Contains(logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient.KooDrive", StringComparison.Ordinal) && e.Level == LogLevel.Trace);
        Assert.Contains(logs.Entries, e => e.Category == KooDriveTelemetry.LoggerCategoryName && e.EventId.Name == "ResponseReceived");
        var authorization = recorder.Single.Header("Authorization")!;
        Assert.All(logs.Entries, e => Assert.DoesNotContain(authorization.Split("Signature=").Last(), e.AllText, StringComparison.Ordinal));
        Assert.All(logs.Entries, e => Assert.DoesNotContain(IndependentSigner.AppSecret, e.AllText, StringComparison.Ordinal));
    }

    // The generated method attaches its operation to the request; a request sent without one is logged as "(unknown)".
    private static HttpRequestMessage AsGeneratedMethodSends(HttpMethod method, string uri, KooDriveOperation operation)
    {
        var request = new HttpRequestMessage(method, new Uri(uri, UriKind.Relative));
        request.Options.Set(KooDriveOperation.RequestOption, operation);
        return request;
    }
}
