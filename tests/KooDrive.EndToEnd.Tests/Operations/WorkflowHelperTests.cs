using KooDrive.EndToEnd.Tests.Support;
using KooDrive.Emulator.Faults;
using KooDrive.Generated;

namespace KooDrive.EndToEnd.Tests.Operations;

/// <summary>
/// The lock session and the bulk deletes through the real pipeline against the emulator, in both authentication
/// modes: renewals keep a lock alive past its lease on the shared clock, and a bulk delete accounts for every ID
/// when the emulator breaks one of its answers.
/// </summary>
public class WorkflowHelperTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    public static TheoryData<AuthMode> Modes => [AuthMode.Bearer, AuthMode.AppSignature];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_lock_session_outlives_its_lease_by_renewing_and_is_released_on_dispose(AuthMode mode)
    {
        var backup = emulator.Backup(mode);
        var device = emulator.Emulator.State.BindDevice(emulator.UserId, $"session_{mode}");
        string lockId;
        await using (var backupLock = await backup.AcquireBackupLockAsync(ModuleCode.AlbumBackup, new BackupLockOptions { TimeProvider = emulator.Clock }))
        {
            lockId = backupLock.LockId;
            for (var renewal = 0; renewal < 3; renewal++)
            {
                // Half a lease at a time: each step is due for one renewal, which must land before the next step.
                var expires = backupLock.ExpiresOn;
                emulator.Clock.Advance((expires - emulator.Clock.GetUtcNow()) / 2);
                await WaitForAsync(() => backupLock.ExpiresOn > expires || backupLock.IsLost);
            }

            var record = await backup.CreateBackupRecordAsync(backupLock.LockId, new CreateBackupRecordRequest { ModuleCode = ModuleCode.AlbumBackup, DeviceId = device.DeviceId });

            Assert.Equal(0, record.Code);
            Assert.False(backupLock.IsLost);
            Assert.NotNull(emulator.Emulator.State.GetBackupLock(lockId));
        }

        Assert.Null(emulator.Emulator.State.GetBackupLock(lockId));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_bulk_delete_accounts_for_every_scope_when_one_answer_is_cut_short(AuthMode mode)
    {
        var backup = emulator.Backup(mode);
        var state = emulator.Emulator.State;
        var device = state.BindDevice(emulator.UserId, $"bulk_{mode}");
        var scopeIds = Enumerable.Range(0, 250).Select(i => KooDriveId.Parse(state.AddScope(device.DeviceId, "100", $"/bulk/{i}", null).ScopeId)).ToList();
        scopeIds.Add(KooDriveId.Parse(state.NewId()));
        emulator.Emulator.Faults.Inject("DeleteBackupScopes", EmulatorFault.TruncatedJson());

        var outcome = await backup.DeleteBackupScopesAsync(device.DeviceId, scopeIds, new BulkDeleteOptions { MaxConcurrency = 1 });

        Assert.Equal(scopeIds, outcome.Items.Select(i => i.Id));
        var fault = Assert.Single(outcome.Faults);
        Assert.IsType<KooDriveInvalidResponseException>(fault.Exception);
        Assert.Equal(fault.Ids, outcome.Faulted.Select(f => f.Id));
        Assert.Equal(0, fault.FirstIndex);
        var missing = Assert.Single(outcome.Failed);
        Assert.Equal((scopeIds[^1], "15000418"), (missing.Id, missing.ErrorCode));
        Assert.Equal(scopeIds.Count - fault.Ids.Count - 1, outcome.Succeeded.Count);

        // The cut-short answer came after the service had deleted its chunk: faulted means "unknown", not "kept".
        Assert.Empty(state.GetScopes(device.DeviceId));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(1, timeout.Token);
        }
    }
}
