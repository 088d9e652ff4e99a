using System.Net;
using System.Text;
using KooDrive.Generated.Tests.Auth.Support;
using KooDrive.Generated.Tests.Resilience.Support;

namespace KooDrive.Generated.Tests.Resilience;

public class RetryTests
{
    private static readonly Uri Device = new("koodrive/ose/v1/backup/device/1842812272691451648", UriKind.Relative);
    private static readonly Uri Scope = new("koodrive/ose/v1/backup/device/1842812272691451648/scope", UriKind.Relative);

    private static HttpResponseMessage Status(HttpStatusCode status, Action<HttpResponseMessage>? configure = null)
    {
        var response = RecordingHandler.Json(status, """{"code":1,"msg":"busy"}""");
        configure?.Invoke(response);
        return response;
    }

    private static StringContent Body() => new("""{"scopeList":[{"moduleCode":"gallery"}]}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task Every_attempt_carries_a_new_X_Date_and_its_own_valid_signature_under_one_trace_ID()
    {
        using var scenario = new RetryScenario();
        scenario.Recorder.Respond = (_, n) => n == 1
            ? Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.Add("Retry-After", "2"))
            : RecordingHandler.Success();

        var call = new BackupClient(scenario.Client).DeleteBackupScopesAsync("1842812272691451648", new DeleteBackupScopesRequest { ScopeIdList = { "1842846715527366528" } });
        await scenario.ElapseDelayAsync(0);
        await call;

        var (first, second) = (scenario.Recorder.Requests[0], scenario.Recorder.Requests[1]);
        Assert.Equal(2, scenario.Recorder.Requests.Count);
        Assert.Equal("20251103T070140Z", first.Header("X-Date"));
        Assert.Equal("20251103T070142Z", second.Header("X-Date"));
        Assert.Equal(IndependentSigner.ExpectedAuthorization(first), first.Header("Authorization"));
        Assert.Equal(IndependentSigner.ExpectedAuthorization(second), second.Header("Authorization"));
        Assert.NotEqual(first.Header("Authorization"), second.Header("Authorization"));
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Header("X-Traceid"), second.Header("X-Traceid"));
    }

    [Fact]
    public async Task Token_authentication_asks_the_provider_again_for_every_attempt()
    {
        var tokens = new CountingTokenProvider("token-one", "token-two");
        using var scenario = new RetryScenario(o => o.AccessTokenProvider = tokens, bearer: true);
        scenario.Recorder.Respond = (_, n) => n == 1 ? Status(HttpStatusCode.BadGateway) : RecordingHandler.Success();

        var call = scenario.Client.DeleteAsync(Device);
        await scenario.ElapseDelayAsync(0);
        using var response = await call;

        Assert.Equal(["Bearer token-one", "Bearer token-two"], scenario.Recorder.Requests.Select(r => r.Header("Authorization")));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task DELETE_waits_exactly_the_Retry_After_seconds(HttpStatusCode status)
    {
        using var scenario = new RetryScenario();
        scenario.Recorder.Respond = (_, n) => n == 1 ? Status(status, r => r.Headers.Add("Retry-After", "7")) : RecordingHandler.Success();

        var call = scenario.Client.DeleteAsync(Device);
        await scenario.Time.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        scenario.Time.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromTicks(1));
        await Task.Delay(50);
        var beforeTheDelay = scenario.Recorder.Requests.Count;
        scenario.Time.Advance(TimeSpan.FromTicks(1));
        using var response = await call;

        Assert.Equal(1, beforeTheDelay);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, scenario.Recorder.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task DELETE_waits_until_a_Retry_After_date_measured_against_the_server_Date_not_the_local_clock(HttpStatusCode status)
    {
        using var scenario = new RetryScenario();
        var serverNow = TestPipelines.VectorTime.AddHours(3);
        scenario.Recorder.Respond = (_, n) => n == 1
            ? Status(status, r =>
            {
                r.Headers.Date = serverNow;
                r.Headers.Add("Retry-After", serverNow.AddSeconds(4).ToString("R"));
            })
            : RecordingHandler.Success();

        var call = scenario.Client.DeleteAsync(Device);
        var delay = await scenario.ElapseDelayAsync(0);
        using var response = await call;

        Assert.Equal(TimeSpan.FromSeconds(4), delay);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_Retry_After_date_without_a_Date_header_is_measured_against_the_estimated_server_clock()
    {
        using var scenario = new RetryScenario();
        scenario.Recorder.Respond = (_, n) => n == 1
            ? Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.Add("Retry-After", TestPipelines.VectorTime.AddSeconds(3).ToString("R")))
            : RecordingHandler.Success();

        var call = scenario.Client.DeleteAsync(Device);
        var delay = await scenario.ElapseDelayAsync(0);
        using var response = await call;

        Assert.Equal(TimeSpan.FromSeconds(3), delay);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxDelay_is_handed_back_instead_of_waited_for()
    {
        using var scenario = new RetryScenario(o => o.Resilience.MaxDelay = TimeSpan.FromSeconds(30));
        scenario.Recorder.Respond = (_, _) => Status(HttpStatusCode.TooManyRequests, r => r.Headers.Add("Retry-After", "120"));

        using var response = await scenario.Client.DeleteAsync(Device);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(scenario.Recorder.Requests);
    }

    [Fact]
    public async Task Without_Retry_After_transient_failures_back_off_with_jittered_capped_delays_until_success()
    {
        using var scenario = new RetryScenario(o =>
        {
            o.Resilience.MaxRetries = 4;
            o.Resilience.BaseDelay = TimeSpan.FromSeconds(1);
            o.Resilience.MaxDelay = TimeSpan.FromSeconds(3);
        });
        HttpStatusCode[] answers = [HttpStatusCode.InternalServerError, HttpStatusCode.RequestTimeout, HttpStatusCode.GatewayTimeout, HttpStatusCode.ServiceUnavailable];
        scenario.Recorder.Respond = (_, n) => n <= answers.Length ? Status(answers[n - 1]) : RecordingHandler.Success();

        var call = scenario.Client.DeleteAsync(Device);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < answers.Length; i++)
        {
            delays.Add(await scenario.ElapseDelayAsync(i));
        }

        using var response = await call;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, scenario.Recorder.Requests.Count);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(3)));
        Assert.NotEqual([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], delays);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_the_last_answer_is_returned()
    {
        using var scenario = new RetryScenario(o => o.Resilience.MaxRetries = 2);
        scenario.Recorder.Respond = (_, _) => Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.Add("Retry-After", "1"));

        var call = scenario.Client.DeleteAsync(Device);
        await scenario.ElapseDelayAsync(0);
        await scenario.ElapseDelayAsync(1);
        using var response = await call;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, scenario.Recorder.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Client_errors_are_not_retried(HttpStatusCode status)
    {
        using var scenario = new RetryScenario();
        scenario.Recorder.Respond = (_, _) => Status(status);

        using var response = await scenario.Client.DeleteAsync(Device);

        Assert.Equal(status, response.StatusCode);
        Assert.Single(scenario.Recorder.Requests);
    }

    [Fact]
    public async Task POST_is_not_retried_by_default_even_on_a_transient_failure()
    {
        using var scenario = new RetryScenario();
        scenario.Recorder.Respond = (_, _) => Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.Add("Retry-After", "1"));

        using var response = await scenario.Client.PostAsync(Scope, Body());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(scenario.Recorder.Requests);
    }

    [Fact]
    public async Task POST_that_may_have_reached_the_server_is_not_retried_by_default()
    {
        using var scenario = new RetryScenario();
        scenario.Recorder.Throw = new HttpRequestException(HttpRequestError.ResponseEnded, "the server closed the connection");

        await Assert.ThrowsAsync<HttpRequestException>(() => scenario.Client.PostAsync(Scope, Body()));

        Assert.Single(scenario.Recorder.Requests);
    }

    [Fact]
    public async Task POST_is_retried_when_the_connection_could_not_be_opened()
    {
        using var scenario = new RetryScenario();
        scenario.Recorder.Respond = (_, n) => n == 1
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused")
            : RecordingHandler.Success();

        var call = scenario.Client.PostAsync(Scope, Body());
        await scenario.ElapseDelayAsync(0);
        using var response = await call;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, scenario.Recorder.Requests.Count);
    }

    [Fact]
    public async Task POST_is_retried_when_the_consumer_opts_in_and_each_attempt_is_signed_over_the_same_body()
    {
        using var scenario = new RetryScenario(o => o.Resilience.RetryNonIdempotent = true);
        scenario.Recorder.Respond = (_, n) => n == 1
            ? Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.Add("Retry-After", "1"))
            : RecordingHandler.Success();

        var call = new BackupClient(scenario.Client).AddBackupScopesAsync("1842812272691451648", new AddBackupScopesRequest { ModuleCode = ModuleCode.FolderBackup, ScopeList = { new ScopeBaseInfo { LocalPath = "/DCIM", TargetFolderPath = "/Backup" } } });
        await scenario.ElapseDelayAsync(0);
        await call;

        Assert.Equal(2, scenario.Recorder.Requests.Count);
        Assert.All(scenario.Recorder.Requests, r => Assert.Equal("POST", r.Method));
        Assert.Equal(scenario.Recorder.Requests[0].Body, scenario.Recorder.Requests[1].Body);
        Assert.All(scenario.Recorder.Requests, r => Assert.Equal(IndependentSigner.ExpectedAuthorization(r), r.Header("Authorization")));
    }

    [Fact]
    public async Task An_attempt_that_exceeds_the_attempt_timeout_is_abandoned_and_retried()
    {
        var hang = new HangingThenSucceeding(hangs: 1);
        using var scenario = new RetryScenario();
        scenario.Recorder.RespondAsync = (_, n, ct) => hang.Answer(n, ct);

        var call = scenario.Client.DeleteAsync(Device);
        await scenario.Time.WaitForTimerAsync(RetryScenario.AttemptTimeout);
        await Eventually.TrueAsync(() => hang.Hanging == 1, "the first attempt to hang");
        scenario.Time.Advance(RetryScenario.AttemptTimeout);
        await scenario.ElapseDelayAsync(0);
        using var response = await call;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, scenario.Recorder.Requests.Count);
        Assert.True(hang.FirstAttemptCanceled);
    }

    [Fact]
    public async Task The_total_timeout_ends_the_call_across_attempts_and_delays()
    {
        var hang = new HangingThenSucceeding(hangs: int.MaxValue);
        using var scenario = new RetryScenario(o =>
        {
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(20);
            o.Resilience.MaxDelay = TimeSpan.FromSeconds(2);
        });
        scenario.Recorder.RespondAsync = (_, n, ct) => hang.Answer(n, ct);

        var call = scenario.Client.DeleteAsync(Device);
        await scenario.Time.WaitForTimerAsync(RetryScenario.AttemptTimeout);
        scenario.Time.Advance(RetryScenario.AttemptTimeout);
        var delay = await scenario.Time.WaitForDelayAsync(0, RetryScenario.AttemptTimeout, TimeSpan.FromSeconds(20));
        scenario.Time.Advance(delay);

        // The second attempt's one timer is set for what is left of the total timeout, which ends before its attempt timeout.
        var left = TimeSpan.FromSeconds(20) - RetryScenario.AttemptTimeout - delay;
        await scenario.Time.WaitForTimerAsync(left);
        scenario.Time.Advance(left);

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => call);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Null(error.InnerException!.InnerException);
        Assert.Contains("Resilience:TotalTimeout (00:00:20)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, scenario.Recorder.Requests.Count);
    }

    [Fact]
    public async Task A_retry_delay_longer_than_the_time_left_ends_the_call_when_the_total_timeout_expires()
    {
        var answer = new TaskCompletionSource();
        using var scenario = new RetryScenario(o =>
        {
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(20);
            o.Resilience.MaxDelay = TimeSpan.FromSeconds(10);
        });
        scenario.Recorder.RespondAsync = async (_, _, _) =>
        {
            await answer.Task;
            return Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.Add("Retry-After", "7"));
        };

        var call = scenario.Client.DeleteAsync(Device);
        await scenario.Time.WaitForTimerAsync(RetryScenario.AttemptTimeout);
        scenario.Time.Advance(TimeSpan.FromSeconds(15));
        answer.SetResult();

        // 5 seconds are left of the total timeout: the 7-second wait ends with it, and nothing is sent again.
        await scenario.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        Assert.False(call.IsCompleted);
        scenario.Time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => call);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("Resilience:TotalTimeout (00:00:20)", error.Message, StringComparison.Ordinal);
        Assert.Single(scenario.Recorder.Requests);
    }

    [Fact]
    public async Task A_POST_attempt_that_times_out_surfaces_as_HttpClient_reports_a_timeout()
    {
        var hang = new HangingThenSucceeding(hangs: int.MaxValue);
        using var scenario = new RetryScenario();
        scenario.Recorder.RespondAsync = (_, n, ct) => hang.Answer(n, ct);

        var call = scenario.Client.PostAsync(Scope, Body());
        await scenario.Time.WaitForTimerAsync(RetryScenario.AttemptTimeout);
        scenario.Time.Advance(RetryScenario.AttemptTimeout);

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => call);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("Resilience:AttemptTimeout", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Chain(error), e => e.GetType().Assembly.GetName().Name!.StartsWith("Polly", StringComparison.Ordinal));
        Assert.Single(scenario.Recorder.Requests);
    }

    [Fact]
    public async Task A_timeout_through_the_generated_client_is_no_Polly_type_and_is_not_mistaken_for_the_callers_cancellation()
    {
        var hang = new HangingThenSucceeding(hangs: int.MaxValue);
        using var scenario = new RetryScenario(o => o.Resilience.MaxRetries = 0);
        scenario.Recorder.RespondAsync = (_, n, ct) => hang.Answer(n, ct);
        using var caller = new CancellationTokenSource();

        var call = new BackupClient(scenario.Client).UnbindDeviceAsync("1842812272691451648", caller.Token);
        await scenario.Time.WaitForTimerAsync(RetryScenario.AttemptTimeout);
        scenario.Time.Advance(RetryScenario.AttemptTimeout);

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => call);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.NotEqual(caller.Token, error.CancellationToken);
        Assert.DoesNotContain(Chain(error), e => e.GetType().Assembly.GetName().Name!.StartsWith("Polly", StringComparison.Ordinal));
    }

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }

    [Fact]
    public async Task A_call_the_caller_cancels_is_not_retried()
    {
        var hang = new HangingThenSucceeding(hangs: int.MaxValue);
        using var scenario = new RetryScenario();
        scenario.Recorder.RespondAsync = (_, n, ct) => hang.Answer(n, ct);
        using var cancellation = new CancellationTokenSource();

        var call = scenario.Client.DeleteAsync(Device, cancellation.Token);
        await Eventually.TrueAsync(() => hang.Hanging == 1, "the first attempt to hang");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(scenario.Recorder.Requests);
    }

    [Fact]
    public async Task With_resilience_disabled_nothing_is_retried()
    {
        using var scenario = new RetryScenario(o => o.Resilience.Enabled = false);
        scenario.Recorder.Respond = (_, _) => Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.Add("Retry-After", "1"));

        using var response = await scenario.Client.DeleteAsync(Device);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(scenario.Recorder.Requests);
        Assert.Empty(scenario.Time.DueTimes);
    }

    /// <summary>Lets the first <c>hangs</c> attempts hang until their token is canceled, then succeeds.</summary>
    private sealed class HangingThenSucceeding(int hangs)
    {
        private int _hanging;

        public int Hanging => Volatile.Read(ref _hanging);

        public bool FirstAttemptCanceled { get; private set; }

        public async Task<HttpResponseMessage> Answer(int attempt, CancellationToken cancellationToken)
        {
            if (attempt > hangs)
            {
                return RecordingHandler.Success();
            }

            Interlocked.Increment(ref _hanging);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                FirstAttemptCanceled |= attempt == 1;
                throw;
            }

            throw new InvalidOperationException("unreachable: an infinite delay only ends by cancellation");
        }
    }
}
