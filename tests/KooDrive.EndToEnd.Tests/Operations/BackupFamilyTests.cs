using KooDrive.EndToEnd.Tests.Support;
using KooDrive.Generated;

namespace KooDrive.EndToEnd.Tests.Operations;

/// <summary>
/// The device, scope, lock, record and configuration operations through the generated client, in both
/// authentication modes, against one emulator whose clock the SDK shares.
/// </summary>
public class BackupFamilyTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    public static TheoryData<AuthMode> Modes => [AuthMode.Bearer, AuthMode.AppSignature];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_backup_runs_from_binding_a_device_to_releasing_the_lock(AuthMode mode)
    {
        var backup = emulator.Backup(mode);

        var device = (await backup.BindDeviceAsync(new BindDeviceRequest { MachineCode = $"flow_{mode}", DeviceName = "Magic v3", DeviceOS = "android" })).Data!;
        var devices = await backup.ListDevicesAsync();
        await backup.AddBackupScopesAsync(device.DeviceId!, new AddBackupScopesRequest
        {
            ModuleCode = ModuleCode.AddressBookBackup,
            ScopeList = { new ScopeBaseInfo { LocalPath = "/contacts" } },
        });
        var scopes = await backup.ListBackupScopesAsync(device.DeviceId!, ModuleCode.AddressBookBackup);
        var lockId = (await backup.CreateBackupLockAsync(new CreateBackupLockRequest { ModuleCode = ModuleCode.AddressBookBackup })).Data!.LockId!;
        var created = (await backup.CreateBackupRecordAsync(lockId, new CreateBackupRecordRequest
        {
            ModuleCode = ModuleCode.AddressBookBackup,
            DeviceId = device.DeviceId!,
            Properties = """{"contacts":120}""",
        })).Data!;
        var renewed = await backup.RenewBackupLockAsync(lockId);
        var completed = await backup.CompleteBackupAsync(created.RecordId!, lockId, new CompleteBackupRequest());
        var read = (await backup.GetBackupRecordAsync(created.RecordId!)).Data!;
        var released = await backup.ReleaseBackupLockAsync(lockId);
        var listed = await backup.ListBackupRecordsAsync(ModuleCode.AddressBookBackup, 100, deviceId: device.DeviceId);

        Assert.Contains(devices.Data!, d => d.DeviceId == device.DeviceId && d.MachineCode == $"flow_{mode}");
        Assert.Equal(["/contacts"], scopes.ScopeList!.Select(s => s.LocalPath));
        Assert.Equal((0, 1), (created.Status, created.Version));
        Assert.Equal(device.DeviceId, created.DeviceInfo!.DeviceId);
        Assert.Equal((0, 0, 0), (renewed.Code, completed.Code, released.Code));
        Assert.Equal((1, 2, """{"contacts":120}"""), (read.Status, read.Version, read.Properties));
        Assert.NotNull(read.EndTime);
        Assert.Equal([created.RecordId], listed.Data!.Select(r => r.RecordId));
        Assert.Null(emulator.Emulator.State.GetBackupLock(lockId));
        var afterRelease = await Assert.ThrowsAsync<KooDriveBadRequestException>(() => backup.RenewBackupLockAsync(lockId));
        Assert.Equal("15000430", afterRelease.ServiceCode);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_lock_lives_ten_minutes_from_its_last_renewal_on_the_shared_clock(AuthMode mode)
    {
        var backup = emulator.Backup(mode);
        var device = emulator.Emulator.State.BindDevice(emulator.UserId, $"clock_{mode}");
        var lockId = (await backup.CreateBackupLockAsync(new CreateBackupLockRequest { ModuleCode = ModuleCode.AlbumBackup })).Data!.LockId!;
        var record = new CreateBackupRecordRequest { ModuleCode = ModuleCode.AlbumBackup, DeviceId = device.DeviceId };

        emulator.Clock.Advance(TimeSpan.FromMinutes(9));
        await backup.RenewBackupLockAsync(lockId);
        emulator.Clock.Advance(TimeSpan.FromMinutes(9));
        var underRenewedLock = await backup.CreateBackupRecordAsync(lockId, record);
        emulator.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, underRenewedLock.Code);
        var expired = await Assert.ThrowsAsync<KooDriveBadRequestException>(() => backup.CreateBackupRecordAsync(lockId, record));
        Assert.Equal("15000430", expired.ServiceCode);
        await Assert.ThrowsAsync<KooDriveBadRequestException>(() => backup.RenewBackupLockAsync(lockId));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Records_are_paged_by_cursor_across_three_pages_to_an_empty_last_page(AuthMode mode)
    {
        var backup = emulator.Backup(mode);
        var device = emulator.Emulator.State.BindDevice(emulator.UserId, $"paging_{mode}");
        var stored = Enumerable.Range(0, 9).Select(_ => emulator.Emulator.State.CreateBackupRecord(emulator.UserId, device.DeviceId, "100").RecordId).ToList();

        var pages = new List<ListBackupRecordsResponse>();
        string? cursor = null;
        do
        {
            pages.Add(await backup.ListBackupRecordsAsync(ModuleCode.FolderBackup, 3, cursor, device.DeviceId));
            cursor = pages[^1].NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor) && pages.Count < 10);

        Assert.Equal([3, 3, 3, 0], pages.Select(p => p.Data!.Count));
        Assert.Equal(Enumerable.Reverse(stored), pages.SelectMany(p => p.Data!).Select(r => r.RecordId));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_configuration_update_is_a_compare_and_set(AuthMode mode)
    {
        var backup = emulator.Backup(mode);
        var deviceId = emulator.Emulator.State.BindDevice(emulator.UserId, $"config_{mode}").DeviceId;

        var items = await backup.ListConfigsAsync(deviceId, ModuleCode.FolderBackup);
        var before = (await backup.GetConfigAsync(deviceId, ModuleCode.FolderBackup, "wifiOnly")).Data!;
        var updated = (await backup.UpdateConfigAsync(deviceId, Update(before.ConfigValue!, "false"))).Data!;
        var conflict = await Assert.ThrowsAsync<KooDriveBadRequestException>(() => backup.UpdateConfigAsync(deviceId, Update(before.ConfigValue!, "other")));
        var after = (await backup.GetConfigAsync(deviceId, ModuleCode.FolderBackup, "wifiOnly")).Data!;

        Assert.Contains(items.Data!, i => i.ConfigName == "wifiOnly" && i.ConfigValue == before.ConfigValue);
        Assert.Equal("true", before.ConfigValue);
        Assert.Equal(("wifiOnly", "false", deviceId), (updated.ConfigName, updated.ConfigValue, updated.DeviceId));
        Assert.Equal("15000431", conflict.ServiceCode);
        Assert.Equal("false", after.ConfigValue);

        static UpdateConfigRequest Update(string current, string value) => new()
        {
            ModuleCode = ModuleCode.FolderBackup,
            ConfigName = "wifiOnly",
            CurrentConfigValue = current,
            NewConfigValue = value,
        };
    }
}
