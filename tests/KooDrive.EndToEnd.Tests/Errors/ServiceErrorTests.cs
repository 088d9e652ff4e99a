using KooDrive.Emulator;
using KooDrive.EndToEnd.Tests.Support;
using KooDrive.Generated;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;

namespace KooDrive.EndToEnd.Tests.Errors;

/// <summary>The service's documented failures reach the caller as typed exceptions with their context.</summary>
public class ServiceErrorTests
{
    public static TheoryData<AuthMode> Modes => [AuthMode.Bearer, AuthMode.AppSignature];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_lock_of_another_module_is_a_bad_request_with_the_service_code(AuthMode mode)
    {
        await using var session = await EmulatorSession.StartAsync(mode);
        var otherModuleLock = session.Emulator.State.CreateBackupLock(session.UserId, "100").LockId;

        var error = await Assert.ThrowsAsync<KooDriveBadRequestException>(
            () => session.Backup.DeleteBackupRecordAsync(session.Seed.BackupRecord.RecordId, otherModuleLock));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("15000430", error.ServiceCode);
        Assert.NotNull(error.ServiceMessage);
        Assert.Equal(58, error.TraceId!.Length);
        Assert.NotNull(session.Emulator.State.GetBackupRecord(session.Seed.BackupRecord.RecordId));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task An_unknown_device_is_a_bad_request_resource_not_found(AuthMode mode)
    {
        await using var session = await EmulatorSession.StartAsync(mode);

        var error = await Assert.ThrowsAsync<KooDriveBadRequestException>(() => session.Backup.UnbindDeviceAsync("1000000000000000001"));

        Assert.Equal("13000309", error.ServiceCode);
    }

    [Fact]
    public async Task A_token_the_service_did_not_issue_is_an_authentication_failure_and_never_echoed()
    {
        await using var emulator = await KooDriveEmulator.StartAsync();
        const string forged = "forged-token-0123456789";
        using var http = KooDriveHttpClientFactory.Create(new KooDriveClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            UserId = emulator.Credentials.UserId,
            AccessTokenProvider = new StaticAccessTokenProvider(forged, emulator.BaseAddress.Host),
        });

        var error = await Assert.ThrowsAsync<KooDriveBadRequestException>(() => new BackupClient(http).UnbindDeviceAsync(emulator.Seed!.Device.DeviceId));

        Assert.Equal("13000101", error.ServiceCode);
        Assert.DoesNotContain(forged, error.ToString(), StringComparison.Ordinal);
        Assert.Single(emulator.State.GetDevices(emulator.Credentials.UserId));
    }

    [Fact]
    public async Task A_wrong_app_secret_is_an_authentication_failure_and_never_echoed()
    {
        await using var emulator = await KooDriveEmulator.StartAsync();
        const string wrongSecret = "not-the-app-secret-42";
        using var http = KooDriveHttpClientFactory.Create(new KooDriveClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            UserId = emulator.Credentials.UserId,
            AppCredential = new KooDriveAppCredential(emulator.Credentials.AppId, wrongSecret),
        });

        var error = await Assert.ThrowsAsync<KooDriveBadRequestException>(() => new BackupClient(http).UnbindDeviceAsync(emulator.Seed!.Device.DeviceId));

        Assert.Equal("13000101", error.ServiceCode);
        Assert.DoesNotContain(wrongSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Signature=", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_valid_for_another_user_are_unauthorized()
    {
        await using var emulator = await KooDriveEmulator.StartAsync();
        emulator.State.AddUser("1505084218764547201");
        using var http = KooDriveHttpClientFactory.Create(new KooDriveClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            UserId = "1505084218764547201",
            AccessTokenProvider = new StaticAccessTokenProvider(emulator.Credentials.BearerToken, emulator.BaseAddress.Host),
        });

        var error = await Assert.ThrowsAsync<KooDriveUnauthorizedException>(() => new BackupClient(http).UnbindDeviceAsync(emulator.Seed!.Device.DeviceId));

        Assert.Equal(401, error.StatusCode);
    }
}
