using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.DependencyInjection;
using KooDrive.Generated.Tests.Auth.Support;
using KooDrive.Generated.Tests.DependencyInjection.Support;
using KooDrive.Generated.Tests.Observability.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace KooDrive.Generated.Tests.DependencyInjection;

/// <summary>
/// IHttpClientFactory logs request headers at Trace. Whatever the consumer registered before or after
/// AddKooDriveClient, and however it narrowed the factory's redaction, no credential may reach those logs.
/// </summary>
public class FactoryLoggingRedactionTests
{
    private const string LockId = "78e41c7e-db02-4d55-85b3-8153e4fefd2e@102";

    public static TheoryData<string, string> Cases => new()
    {
        { "signing", "defaults" },
        { "bearer", "defaults" },
        { "signing", "postConfigure" },
        { "bearer", "postConfigure" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task No_credential_reaches_the_factory_logs_even_with_narrowed_redaction_registered_first(string mode, string narrowing)
    {
        using var capture = new CapturingLoggerProvider();
        var recorder = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        services.AddHttpClient();
        services.ConfigureHttpClientDefaults(b => b.RedactLoggedHeaders(["Cookie"]));
        services.AddKooDriveClient(options =>
        {
            options.UserId = TestPipelines.UserId;
            options.TimeProvider = TestPipelines.Time();
            if (mode == "signing")
            {
                options.AppCredential = new KooDriveAppCredential(IndependentSigner.AppId, IndependentSigner.AppSecret);
            }
            else
            {
                options.AccessTokenProvider = new StaticAccessTokenProvider(TestPipelines.Token);
            }
        }).UsingTransport(recorder);
        if (narrowing == "postConfigure")
        {
            services.PostConfigureAll<HttpClientFactoryOptions>(o => o.ShouldRedactHeaderValue = _ => false);
        }

        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBackupClient>().DeleteBackupRecordAsync("123", LockId);

        var authorization = recorder.Single.Header("Authorization")!;
        var secret = mode == "signing" ? authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length)..] : TestPipelines.Token;
        var logs = capture.Entries.Select(e => e.AllText).ToList();
        // Header logging is on and narrowed: the trace ID is logged in clear, the lock ID redacted.
        Assert.Contains(logs, l => l.Contains("X-Traceid: " + recorder.Single.Header("X-Traceid"), StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("x-backup-lock-id: *", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(LockId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("signing")]
    [InlineData("bearer")]
    public async Task On_a_retry_the_factory_logs_see_neither_the_previous_attempts_credentials_nor_any_X_Date(string mode)
    {
        using var capture = new CapturingLoggerProvider();
        var recorder = new RecordingHandler
        {
            Respond = (_, n) => n == 1 ? RecordingHandler.Json(System.Net.HttpStatusCode.ServiceUnavailable, """{"code":13000201}""") : RecordingHandler.Success(),
        };
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));

        // The consumer turns the factory's header redaction off entirely.
        services.ConfigureHttpClientDefaults(b => b.RedactLoggedHeaders(_ => false));
        services.AddKooDriveClient(options =>
        {
            options.UserId = TestPipelines.UserId;
            options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
            if (mode == "signing")
            {
                options.AppCredential = new KooDriveAppCredential(IndependentSigner.AppId, IndependentSigner.AppSecret);
            }
            else
            {
                options.AccessTokenProvider = new StaticAccessTokenProvider(TestPipelines.Token);
            }
        }).UsingTransport(recorder);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBackupClient>().UnbindDeviceAsync("1842812272691451648");

        Assert.Equal(2, recorder.Requests.Count);
        var logs = capture.Entries.Select(e => e.AllText).ToList();
        Assert.Contains(logs, l => l.Contains("X-User-Id: " + TestPipelines.UserId, StringComparison.Ordinal));
        foreach (var sent in recorder.Requests)
        {
            var authorization = sent.Header("Authorization")!;
            Assert.DoesNotContain(logs, l => l.Contains(authorization, StringComparison.Ordinal));
            Assert.DoesNotContain(logs, l => l.Contains(authorization[^16..], StringComparison.Ordinal));
            Assert.DoesNotContain(logs, l => l.Contains(sent.Header("X-Date")!, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(logs, l => l.Contains("Authorization", StringComparison.OrdinalIgnoreCase) && !l.Contains("Authorization: *", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_factory_logging_handler_stays_above_the_signing_handler_when_AddHttpClient_came_first()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpClient();
        services.AddKooDriveClient(options =>
        {
            options.UserId = TestPipelines.UserId;
            options.AppCredential = new KooDriveAppCredential(IndependentSigner.AppId, IndependentSigner.AppSecret);
        });
        using var provider = services.BuildServiceProvider();

        var types = DiTestHost.Chain(provider).Select(h => h.GetType()).ToList();

        var logging = types.IndexOf(typeof(LoggingHttpMessageHandler));
        Assert.True(logging >= 0, string.Join(" > ", types.Select(t => t.Name)));
        Assert.True(logging < types.IndexOf(typeof(KooDriveAuthenticationHandler)), string.Join(" > ", types.Select(t => t.Name)));
        Assert.True(types.IndexOf(typeof(KooDriveAuthenticationHandler)) == types.Count - 2, string.Join(" > ", types.Select(t => t.Name)));
    }

    [Fact]
    public void The_redaction_rule_keeps_the_consumers_rule_for_other_headers_and_applies_once()
    {
        var options = new HttpClientFactoryOptions { ShouldRedactHeaderValue = h => h == "Cookie" };

        KooDriveLogRedaction.Apply(options);
        var once = options.ShouldRedactHeaderValue;
        KooDriveLogRedaction.Apply(options);

        Assert.Same(once, options.ShouldRedactHeaderValue);
        Assert.True(options.ShouldRedactHeaderValue("authorization"));
        Assert.True(options.ShouldRedactHeaderValue(KooDriveHeaderNames.BackupLockId));
        Assert.True(options.ShouldRedactHeaderValue("x-date"));
        Assert.True(options.ShouldRedactHeaderValue("Cookie"));
        Assert.False(options.ShouldRedactHeaderValue(KooDriveHeaderNames.UserId));
    }
}
