using KooDrive.EndToEnd.Tests.Support;
using KooDrive.Generated;

namespace KooDrive.EndToEnd.Tests.Operations;

/// <summary>Every operation, in both authentication modes, through the SDK's pipeline to the emulator over loopback HTTP.</summary>
public class OperationsTests
{
    public static TheoryData<AuthMode> Modes => [AuthMode.Bearer, AuthMode.AppSignature];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Add_backup_scopes_returns_the_created_scopes_with_exact_ids(AuthMode mode)
    {
        await using var session = await EmulatorSession.StartAsync(mode);
        var deviceId = session.Seed.Device.DeviceId;

        var result = await session.Backup.AddBackupScopesAsync(deviceId, new AddBackupScopesRequest
        {
            ModuleCode = ModuleCode.AddressBookBackup,
            ScopeList = { new ScopeBaseInfo { LocalPath = "/contacts", TargetFolderPath = "/backup/contacts" } },
        });

        Assert.Equal(0, result.Code);
        var added = Assert.Single(result.ScopeList!);
        Assert.Equal("/contacts", added.LocalPath);
        Assert.Equal("102", added.ModuleCode);
        Assert.Empty(result.FailedScopeList!);
        var stored = Assert.Single(session.Emulator.State.GetScopes(deviceId), s => s.LocalPath == "/contacts");
        Assert.Equal(stored.ScopeId, added.ScopeId);
        Assert.Equal(19, added.ScopeId!.Length);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Delete_backup_scopes_accounts_for_every_id(AuthMode mode)
    {
        await using var session = await EmulatorSession.StartAsync(mode);
        var deviceId = session.Seed.Device.DeviceId;
        var existing = session.Seed.Scopes[0].ScopeId;
        const string unknown = "1760265745989677312";

        var result = await session.Backup.DeleteBackupScopesAsync(deviceId, new DeleteBackupScopesRequest
        {
            ScopeIdList = { existing, unknown, unknown },
        });

        Assert.Equal(0, result.Code);
        Assert.Equal([existing], result.ScopeIdList);
        Assert.Equal(
            [(unknown, "15000424"), (unknown, "15000418")],
            result.FailedScopeList!.Select(f => (f.ScopeId, f.ErrorCode)));
        Assert.DoesNotContain(session.Emulator.State.GetScopes(deviceId), s => s.ScopeId == existing);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Unbind_device_returns_the_device(AuthMode mode)
    {
        await using var session = await EmulatorSession.StartAsync(mode);
        var device = session.Seed.Device;

        var result = await session.Backup.UnbindDeviceAsync(device.DeviceId);

        Assert.Equal(0, result.Code);
        Assert.Equal(device.DeviceId, result.Data!.DeviceId);
        Assert.Equal(device.MachineCode, result.Data.MachineCode);
        Assert.Empty(session.Emulator.State.GetDevices(session.UserId));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Delete_backup_record_with_its_lock(AuthMode mode)
    {
        await using var session = await EmulatorSession.StartAsync(mode);

        var result = await session.Backup.DeleteBackupRecordAsync(session.Seed.BackupRecord.RecordId, session.Seed.BackupLock.LockId);

        Assert.Equal(0, result.Code);
        Assert.Null(session.Emulator.State.GetBackupRecord(session.Seed.BackupRecord.RecordId));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Delete_album_contents_removes_them(AuthMode mode)
    {
        await using var session = await EmulatorSession.StartAsync(mode);
        var album = session.Seed.Album;

        var result = await session.Album.DeleteAlbumContentsAsync(album.AlbumId, new DeleteAlbumContentsRequest { Ids = { album.ContentIds[0] } });

        Assert.Equal(0, result.Code);
        Assert.Equal("Success.", result.Msg);
        Assert.Equal(album.ContentIds.Skip(1), session.Emulator.State.GetAlbum(album.AlbumId)!.ContentIds);
    }
}
