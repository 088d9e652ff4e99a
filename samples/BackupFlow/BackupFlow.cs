using KooDrive.Generated;

namespace KooDrive.Samples;

/// <summary>
/// A complete folder backup through the SDK: bind a device, acquire the module's backup lock, create a record, add
/// scopes, list them, complete the record, release the lock, list the records, and clean up everything it made.
/// </summary>
public static class BackupFlow
{
    private const ModuleCode Module = ModuleCode.FolderBackup;

    /// <summary>Runs the flow with <paramref name="backup"/>, writing one line per step to <paramref name="log"/>.</summary>
    /// <param name="backup">The client, in either authentication mode.</param>
    /// <param name="machineCode">The machine code of the device to bind: letters, digits and underscores.</param>
    /// <param name="log">Where each step is reported.</param>
    /// <param name="clock">The clock that schedules lock renewals; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="cancellationToken">Cancels the flow.</param>
    /// <returns>What each step did.</returns>
    public static async Task<BackupFlowResult> RunAsync(IBackupClient backup, string machineCode, TextWriter log, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backup);
        ArgumentNullException.ThrowIfNull(log);
        var lockOptions = new BackupLockOptions { TimeProvider = clock ?? TimeProvider.System };

        // 1. Bind the device that backs up.
        var bound = await backup.BindDeviceAsync(new BindDeviceRequest { MachineCode = machineCode, DeviceName = "Backup flow sample", DeviceOS = "linux" }, cancellationToken);
        var deviceId = bound.Data?.DeviceId ?? throw new InvalidOperationException("BindDevice returned no device ID.");
        await log.WriteLineAsync($"bound device {deviceId}");

        string recordId;
        IReadOnlyList<ScopeInfo> added;
        IReadOnlyList<ScopeInfo> listed;

        // 2. Hold the module's backup lock while writing its records: renewed in the background, released at the end.
        await using (var backupLock = await backup.AcquireBackupLockAsync(Module, lockOptions, cancellationToken))
        {
            await log.WriteLineAsync($"acquired the lock ({backupLock})");

            // 3. A new record (status 0) under the lock.
            var record = await backup.CreateBackupRecordAsync(
                backupLock.LockId,
                new CreateBackupRecordRequest { ModuleCode = Module, DeviceId = deviceId, Properties = """{"files":2}""" },
                cancellationToken);
            recordId = record.Data?.RecordId ?? throw new InvalidOperationException("CreateBackupRecord returned no record ID.");
            await log.WriteLineAsync($"created record {recordId} (status {record.Data.Status})");

            // 4. What to back up; every requested scope is accounted for.
            var request = new AddBackupScopesRequest
            {
                ModuleCode = Module,
                ScopeList =
                {
                    new ScopeBaseInfo { LocalPath = "/home/me/Documents", TargetFolderPath = "/Backup/Documents" },
                    new ScopeBaseInfo { LocalPath = "/home/me/Pictures", TargetFolderPath = "/Backup/Pictures" },
                },
            };
            var outcome = (await backup.AddBackupScopesAsync(deviceId, request, cancellationToken)).GetOutcome(request);
            if (!outcome.AllSucceeded)
            {
                throw new InvalidOperationException($"{outcome.Failed.Count} scopes were refused, {outcome.NotAttempted.Count} not reported.");
            }

            added = [.. outcome.Succeeded.Select(s => s.Result!)];
            await log.WriteLineAsync($"added {added.Count} scopes");

            // 5. List them back.
            listed = [.. (await backup.ListBackupScopesAsync(deviceId, Module, cancellationToken)).ScopeList ?? []];
            await log.WriteLineAsync($"listed {listed.Count} scopes");

            // 6. Mark the record complete (status 1), still under the lock; a lost lock would throw here.
            await backup.CompleteBackupAsync(recordId, backupLock.LockId, new CompleteBackupRequest(), cancellationToken);
            await log.WriteLineAsync($"completed record {recordId}");

            // 7. Release, and hear about it if the release (or an earlier renewal) failed.
            await backupLock.ReleaseAsync(cancellationToken);
            await log.WriteLineAsync("released the lock");
        }

        // 8. The device's records, every page.
        var records = new List<BackupRecord>();
        await foreach (var stored in backup.EnumerateBackupRecordsAsync(Module, pageSize: 20, deviceId: deviceId, cancellationToken: cancellationToken))
        {
            records.Add(stored);
        }

        await log.WriteLineAsync($"listed {records.Count} records of the device");

        // 9. Clean up: the scopes in one bulk call, the record under a new lock, then the device.
        var deleted = await backup.DeleteBackupScopesAsync(deviceId, added.Select(s => KooDriveId.Parse(s.ScopeId!)), cancellationToken: cancellationToken);
        await log.WriteLineAsync($"deleted {deleted.Succeeded.Count} of {deleted.Items.Count} scopes");
        await using (var cleanupLock = await backup.AcquireBackupLockAsync(Module, lockOptions, cancellationToken))
        {
            await backup.DeleteBackupRecordAsync(recordId, cleanupLock.LockId, cancellationToken);
            await cleanupLock.ReleaseAsync(cancellationToken);
        }

        await backup.UnbindDeviceAsync(deviceId, cancellationToken);
        await log.WriteLineAsync($"deleted record {recordId} and unbound device {deviceId}");
        return new BackupFlowResult(deviceId, recordId, added, listed, records, deleted);
    }
}
