using KooDrive.Emulator;
using KooDrive.Emulator.Faults;
using KooDrive.EndToEnd.Tests.Support;
using KooDrive.Generated;
using KooDrive.Generated.Auth;

namespace KooDrive.EndToEnd.Tests.Errors;

/// <summary>Every fault the emulator can inject ends in a typed outcome: a typed exception, or correct data.</summary>
public class InjectedFaultTests
{
    // Faults stay in place for more attempts than any retry policy makes, so the final outcome is the fault's.
    private const int Persistent = 20;

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_server_error_is_a_server_exception_with_the_service_code(int status)
    {
        await using var session = await EmulatorSession.StartAsync(AuthMode.AppSignature);
        session.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.ServerError(status).Times(Persistent));

        var error = await Assert.ThrowsAsync<KooDriveServerException>(() => session.Backup.UnbindDeviceAsync(session.Seed.Device.DeviceId));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal("13000201", error.ServiceCode);
        Assert.Equal(58, error.TraceId!.Length);
    }

    [Theory]
    [InlineData(RetryAfterFormat.Seconds)]
    [InlineData(RetryAfterFormat.HttpDate)]
    // The HTTP-date form has one-second resolution on both ends (the emulator rounds up), hence the slack.
    public async Task Throttling_is_a_throttled_exception_carrying_Retry_After(RetryAfterFormat format)
    {
        await using var session = await EmulatorSession.StartAsync(AuthMode.Bearer);
        session.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(30), format).Times(Persistent));

        var error = await Assert.ThrowsAsync<KooDriveThrottledException>(() => session.Backup.UnbindDeviceAsync(session.Seed.Device.DeviceId));

        Assert.Equal(429, error.StatusCode);
        Assert.NotNull(error.RetryAfter);
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(35));
    }

    [Fact]
    public async Task An_HTML_gateway_page_is_a_server_exception_with_a_body_excerpt()
    {
        await using var session = await EmulatorSession.StartAsync(AuthMode.AppSignature);
        session.Emulator.Faults.Inject("DeleteAlbumContents", EmulatorFault.HtmlErrorPage(502).Times(Persistent));

        var error = await Assert.ThrowsAsync<KooDriveServerException>(
            () => session.Album.DeleteAlbumContentsAsync(session.Seed.Album.AlbumId, new DeleteAlbumContentsRequest { Ids = { session.Seed.Album.ContentIds[0] } }));

        Assert.Equal(502, error.StatusCode);
        Assert.Contains("<html", error.BodyExcerpt, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Truncated_JSON_is_an_invalid_response_exception_not_a_reader_exception()
    {
        await using var session = await EmulatorSession.StartAsync(AuthMode.Bearer);
        session.Emulator.Faults.Inject("DeleteBackupScopes", EmulatorFault.TruncatedJson().Times(Persistent));

        var error = await Assert.ThrowsAsync<KooDriveInvalidResponseException>(
            () => session.Backup.DeleteBackupScopesAsync(session.Seed.Device.DeviceId, new DeleteBackupScopesRequest { ScopeIdList = { "1760265745989677312" } }));

        Assert.Equal(200, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.BodyExcerpt));
    }

    [Fact]
    public async Task A_dropped_connection_is_an_HttpRequestException()
    {
        await using var session = await EmulatorSession.StartAsync(AuthMode.AppSignature);
        session.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.ConnectionAbort().Times(Persistent));

        await Assert.ThrowsAsync<HttpRequestException>(() => session.Backup.UnbindDeviceAsync(session.Seed.Device.DeviceId));
    }

    [Fact]
    public async Task A_slow_answer_ends_in_cancellation_when_the_caller_gives_up()
    {
        await using var session = await EmulatorSession.StartAsync(AuthMode.Bearer);
        session.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.Delay(TimeSpan.FromSeconds(30)).Times(Persistent));
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Backup.UnbindDeviceAsync(session.Seed.Device.DeviceId, giveUp.Token));
        Assert.Single(session.Emulator.State.GetDevices(session.UserId));
    }

    [Theory]
    [InlineData(AuthMode.AppSignature, false)]
    [InlineData(AuthMode.Bearer, true)]
    public async Task A_slow_answer_past_the_timeouts_is_a_TaskCanceledException_with_a_TimeoutException_inside(AuthMode mode, bool post)
    {
        await using var session = await EmulatorSession.StartAsync(mode, options =>
        {
            options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            options.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(300);
        });
        session.Emulator.Faults.Inject(EmulatorFault.Delay(TimeSpan.FromSeconds(30)).Times(Persistent));
        var device = session.Seed.Device.DeviceId;

        // A POST is not retried, so its attempt timeout ends it; the DELETE is retried until the total timeout.
        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => post
            ? session.Backup.AddBackupScopesAsync(device, new AddBackupScopesRequest { ModuleCode = ModuleCode.FolderBackup, ScopeList = { new ScopeBaseInfo { LocalPath = "/slow" } } })
            : session.Backup.UnbindDeviceAsync(device));

        var timeout = Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Null(timeout.InnerException);
        Assert.Equal(58, Assert.IsType<string>(error.Data[KooDriveTraceId.ExceptionDataKey]).Length);
        // Which of the two limits ends the call depends on timing here; the unit tests pin each one on a fake clock.
        Assert.Matches("Resilience:(Attempt|Total)Timeout", error.Message);
    }

    [Fact]
    public async Task A_gateway_refusal_carries_the_gateways_error_code_and_message()
    {
        await using var session = await EmulatorSession.StartAsync(AuthMode.AppSignature, options => options.Resilience.MaxRetries = 0);
        session.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.TooManyRequests().Times(Persistent));

        var error = await Assert.ThrowsAsync<KooDriveThrottledException>(() => session.Backup.UnbindDeviceAsync(session.Seed.Device.DeviceId));

        Assert.Equal("APIGW.0308", error.ServiceCode);
        Assert.False(string.IsNullOrEmpty(error.ServiceMessage));
        Assert.Contains("APIGW.0308", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no 'code'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IDs_sent_as_JSON_numbers_keep_every_digit()
    {
        await using var session = await EmulatorSession.StartAsync(AuthMode.AppSignature);
        var existing = session.Seed.Scopes[0].ScopeId;
        session.Emulator.Faults.Inject("DeleteBackupScopes", EmulatorFault.IdsAsNumbers());

        var result = await session.Backup.DeleteBackupScopesAsync(session.Seed.Device.DeviceId, new DeleteBackupScopesRequest { ScopeIdList = { existing, "1752990708303704321" } });

        Assert.Equal([existing], result.ScopeIdList);
        Assert.Equal("1752990708303704321", Assert.Single(result.FailedScopeList!).ScopeId);
    }

    [Fact]
    public async Task FailedScopeList_as_a_single_object_is_read_as_one_failure()
    {
        await using var session = await EmulatorSession.StartAsync(AuthMode.Bearer);
        session.Emulator.Faults.Inject("DeleteBackupScopes", EmulatorFault.FailedScopeListAsObject());

        var result = await session.Backup.DeleteBackupScopesAsync(session.Seed.Device.DeviceId, new DeleteBackupScopesRequest { ScopeIdList = { "1760265745989677312" } });

        var failure = Assert.Single(result.FailedScopeList!);
        Assert.Equal(("1760265745989677312", "15000418"), (failure.ScopeId, failure.ErrorCode));
    }
}
