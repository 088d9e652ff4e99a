using System.Net;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.Tests.Auth.Support;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Errors;

/// <summary>Typed errors over the SDK's real auth pipeline: the trace ID it sends comes back in the exception.</summary>
public class PipelineErrorTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, """{"code":13000101,"msg":"Bad Request"}""")]
    [InlineData(HttpStatusCode.OK, """{"code":13000201,"msg":"inner server invoke failure"}""")]
    [InlineData(HttpStatusCode.OK, "<html>gateway</html>")]
    public async Task The_exception_carries_the_pipelines_trace_ID_and_none_of_its_credentials(HttpStatusCode status, string body)
    {
        var traceId = KooDriveTraceId.NewId();
        var stub = StubHandler.Answer(status, body);
        using var http = KooDriveHttpClientFactory.Create(TestPipelines.Bearer(time: TimeProvider.System), stub);
        var backup = new BackupClient(http);

        KooDriveApiException error;
        using (KooDriveTraceId.Begin(traceId))
        {
            error = await Assert.ThrowsAnyAsync<KooDriveApiException>(() => backup.UnbindDeviceAsync("1842812272691451648"));
        }

        Assert.Equal(traceId, error.TraceId);
        Assert.Single(stub.Requests);
        Assert.DoesNotContain(TestPipelines.Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestPipelines.Token, string.Join(';', error.Headers.SelectMany(h => h.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_request_is_refused_before_the_pipeline_asks_for_a_token()
    {
        var stub = StubHandler.FailIfCalled();
        var tokens = new CountingTokenProvider();
        using var http = KooDriveHttpClientFactory.Create(TestPipelines.Bearer(tokens, TimeProvider.System), stub);

        await Assert.ThrowsAsync<KooDriveValidationException>(() => new BackupClient(http).DeleteBackupRecordAsync("1", "lock\r\nInjected: yes"));

        Assert.Equal(0, tokens.Calls);
        Assert.Empty(stub.Requests);
    }

    private sealed class CountingTokenProvider : Microsoft.Kiota.Abstractions.Authentication.IAccessTokenProvider
    {
        public int Calls { get; private set; }

        public Microsoft.Kiota.Abstractions.Authentication.AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(TestPipelines.Token);
        }
    }
}
