using KooDrive.Emulator;
using KooDrive.Emulator.Faults;
using KooDrive.EndToEnd.Tests.Support;
using KooDrive.Generated;

namespace KooDrive.EndToEnd.Tests.Resilience;

/// <summary>The SDK's retry pipeline against real transient faults: safe operations recover, unsafe ones do not retry.</summary>
public class RetryTests
{
    [Theory]
    [InlineData(AuthMode.AppSignature)]
    [InlineData(AuthMode.Bearer)]
    public async Task A_DELETE_that_meets_one_503_is_retried_re_signed_and_succeeds(AuthMode mode)
    {
        await using var session = await EmulatorSession.StartAsync(mode);
        session.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.ServerError(503).Times(1));

        var result = await session.Backup.UnbindDeviceAsync(session.Seed.Device.DeviceId);

        Assert.Equal(0, result.Code);
        Assert.Empty(session.Emulator.Faults.Pending);
    }

    [Fact]
    public async Task A_DELETE_throttled_with_a_short_Retry_After_waits_and_succeeds()
    {
        await using var session = await EmulatorSession.StartAsync(AuthMode.AppSignature);
        session.Emulator.Faults.Inject("DeleteBackupRecord", EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(1)).Times(1));

        var result = await session.Backup.DeleteBackupRecordAsync(session.Seed.BackupRecord.RecordId, session.Seed.BackupLock.LockId);

        Assert.Equal(0, result.Code);
    }

    [Fact]
    public async Task A_POST_that_meets_a_503_is_not_retried_by_default()
    {
        await using var session = await EmulatorSession.StartAsync(AuthMode.AppSignature);
        session.Emulator.Faults.Inject("AddBackupScopes", EmulatorFault.ServerError(503).Times(1));
        var request = new AddBackupScopesRequest { ModuleCode = ModuleCode.FolderBackup, ScopeList = { new ScopeBaseInfo { LocalPath = "/photos" } } };

        await Assert.ThrowsAsync<KooDriveServerException>(() => session.Backup.AddBackupScopesAsync(session.Seed.Device.DeviceId, request));

        Assert.DoesNotContain(session.Emulator.State.GetScopes(session.Seed.Device.DeviceId), s => s.LocalPath == "/photos");
        var retried = await session.Backup.AddBackupScopesAsync(session.Seed.Device.DeviceId, request);
        Assert.Single(retried.ScopeList!);
    }
}
