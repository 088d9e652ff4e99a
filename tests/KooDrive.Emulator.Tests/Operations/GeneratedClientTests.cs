using KooDrive.Emulator.Tests.Support;
using KooDrive.Generated;

namespace KooDrive.Emulator.Tests.Operations;

/// <summary>
/// The generated clients against the emulator over loopback, with a test-local handler standing in for the
/// SDK's authentication handlers: the emulator must understand what the generated code sends and answer
/// what it can read. (The full end-to-end suite arrives with the SDK's own handlers.)
/// </summary>
public class GeneratedClientTests : EmulatorTest
{
    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task AddBackupScopes_round_trips_through_the_generated_client(AuthMode mode)
    {
        var client = new BackupClient(Harness.Client(mode));
        var request = new AddBackupScopesRequest
        {
            ModuleCode = ModuleCode.AddressBookBackup,
            ScopeList = [new ScopeBaseInfo { LocalPath = "/contacts", TargetFolderPath = "/Backup/Contacts" }],
        };

        var response = await client.AddBackupScopesAsync(Harness.Seed.Device.DeviceId, request);

        Assert.Equal(0, response.Code);
        var scope = Assert.Single(response.ScopeList!);
        Assert.Equal("102", scope.ModuleCode);
        Assert.Contains(Harness.Emulator.State.GetScopes(Harness.Seed.Device.DeviceId), s => s.ScopeId == scope.ScopeId);
        Assert.Empty(response.FailedScopeList!);
    }

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task DeleteBackupScopes_reports_partial_failure_through_the_generated_client(AuthMode mode)
    {
        var client = new BackupClient(Harness.Client(mode));
        var existing = Harness.Seed.Scopes[0].ScopeId;

        var response = await client.DeleteBackupScopesAsync(Harness.Seed.Device.DeviceId, new DeleteBackupScopesRequest { ScopeIdList = [existing, "123"] });

        Assert.Equal([existing], response.ScopeIdList);
        var failed = Assert.Single(response.FailedScopeList!);
        Assert.Equal(("123", "15000418", "The backup scope does not exist."), (failed.ScopeId, failed.ErrorCode, failed.Msg));
    }

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task UnbindDevice_returns_the_device_through_the_generated_client(AuthMode mode)
    {
        var client = new BackupClient(Harness.Client(mode));

        var response = await client.UnbindDeviceAsync(Harness.Seed.Device.DeviceId);

        Assert.Equal(Harness.Seed.Device.DeviceId, response.Data!.DeviceId);
        Assert.Equal("Magic v3", response.Data.DeviceName);
    }

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task DeleteBackupRecord_sends_the_lock_header_the_emulator_checks(AuthMode mode)
    {
        var client = new BackupClient(Harness.Client(mode));

        var response = await client.DeleteBackupRecordAsync(Harness.Seed.BackupRecord.RecordId, Harness.Seed.BackupLock.LockId);

        Assert.Equal(0, response.Code);
        Assert.Null(Harness.Emulator.State.GetBackupRecord(Harness.Seed.BackupRecord.RecordId));
    }

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task DeleteAlbumContents_removes_contents_through_the_generated_client(AuthMode mode)
    {
        var client = new AlbumClient(Harness.Client(mode));
        var content = Harness.Seed.Album.ContentIds[1];

        var response = await client.DeleteAlbumContentsAsync(Harness.Seed.Album.AlbumId, new DeleteAlbumContentsRequest { Ids = [content] });

        Assert.Equal("Success.", response.Msg);
        Assert.DoesNotContain(content, Harness.Emulator.State.GetAlbum(Harness.Seed.Album.AlbumId)!.ContentIds);
    }

    [Fact]
    public async Task A_service_error_reaches_the_generated_client_as_its_envelope()
    {
        var client = new BackupClient(Harness.Client(AuthMode.Bearer));

        // HTTP 400 maps to its typed exception, carrying the envelope's code and message.
        var error = await Assert.ThrowsAsync<KooDriveBadRequestException>(() => client.UnbindDeviceAsync(Harness.Emulator.State.NewId()));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("13000309", error.ServiceCode);
    }
}
