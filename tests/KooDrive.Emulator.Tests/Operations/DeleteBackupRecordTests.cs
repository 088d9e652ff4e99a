using System.Net;
using KooDrive.Emulator.State;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Operations;

public class DeleteBackupRecordTests : EmulatorTest
{
    private string RecordPath => $"koodrive/ose/v1/backup/record/{Harness.Seed.BackupRecord.RecordId}";

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task A_live_lock_of_the_records_module_deletes_the_record(AuthMode mode)
    {
        var response = await Send(Harness.Client(mode), RecordPath, Harness.Seed.BackupLock.LockId);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Code);
        Assert.Equal("success", response.Msg);
        Assert.Null(Harness.Emulator.State.GetBackupRecord(Harness.Seed.BackupRecord.RecordId));
        Assert.True(Harness.Emulator.State.IsBackupLockLive(Harness.Seed.BackupLock.LockId));
    }

    [Fact]
    public async Task A_deleted_record_is_not_found_the_second_time()
    {
        var client = Harness.Client(AuthMode.Bearer);
        await Send(client, RecordPath, Harness.Seed.BackupLock.LockId);

        var again = await Send(client, RecordPath, Harness.Seed.BackupLock.LockId);

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(13000309, again.Code);
    }

    [Fact]
    public async Task The_lock_header_is_required()
    {
        var response = await Send(Harness.Client(AuthMode.Bearer), RecordPath, null);

        AssertRefused(response, 13000102, "x-backup-lock-id header is required");
    }

    [Theory]
    [InlineData("not-a-lock")]
    [InlineData("78e41c7e-db02-4d55-85b3-8153e4fefd2e")]
    [InlineData("78e41c7e-db02-4d55-85b3-8153e4fefd2e@103")]
    [InlineData("78e41c7e@102")]
    public async Task A_lock_ID_not_shaped_uuid_at_module_is_a_parameter_error(string lockId)
    {
        var response = await Send(Harness.Client(AuthMode.Bearer), RecordPath, lockId);

        AssertRefused(response, 13000102, "'<uuid>@<moduleCode>'");
    }

    [Fact]
    public async Task A_well_formed_lock_the_emulator_never_issued_is_not_live()
    {
        var response = await Send(Harness.Client(AuthMode.Bearer), RecordPath, "78e41c7e-db02-4d55-85b3-8153e4fefd2e@102");

        AssertRefused(response, 15000430, "does not exist or has expired");
    }

    [Fact]
    public async Task A_lock_expires_10_minutes_after_it_was_created()
    {
        Harness.Clock.Advance(EmulatorState.BackupLockLifetime);

        var response = await Send(Harness.Client(AuthMode.Bearer), RecordPath, Harness.Seed.BackupLock.LockId);

        AssertRefused(response, 15000430, "does not exist or has expired");
        Assert.False(Harness.Emulator.State.IsBackupLockLive(Harness.Seed.BackupLock.LockId));
    }

    [Fact]
    public async Task A_lock_is_still_live_just_before_its_10_minutes_are_up()
    {
        Harness.Clock.Advance(EmulatorState.BackupLockLifetime - TimeSpan.FromSeconds(1));

        var response = await Send(Harness.Client(AuthMode.Bearer), RecordPath, Harness.Seed.BackupLock.LockId);

        Assert.Equal(0, response.Code);
    }

    [Fact]
    public async Task A_released_lock_is_not_live()
    {
        Harness.Emulator.State.ReleaseBackupLock(Harness.Seed.BackupLock.LockId);

        var response = await Send(Harness.Client(AuthMode.Bearer), RecordPath, Harness.Seed.BackupLock.LockId);

        AssertRefused(response, 15000430, "does not exist or has expired");
    }

    [Fact]
    public async Task A_lock_of_another_module_does_not_unlock_the_record()
    {
        var otherModule = Harness.Emulator.State.CreateBackupLock(Harness.UserId, ModuleCodes.FolderBackup);

        var response = await Send(Harness.Client(AuthMode.Bearer), RecordPath, otherModule.LockId);

        AssertRefused(response, 15000430, "does not belong to the module");
    }

    [Fact]
    public async Task Another_users_lock_is_not_live_for_this_user()
    {
        Harness.Emulator.State.AddUser("1000000000000000004");
        var othersLock = Harness.Emulator.State.CreateBackupLock("1000000000000000004", ModuleCodes.AddressBookBackup);

        var response = await Send(Harness.Client(AuthMode.Bearer), RecordPath, othersLock.LockId);

        AssertRefused(response, 15000430, "does not exist or has expired");
    }

    [Fact]
    public async Task An_unknown_record_is_not_found()
    {
        var response = await Send(Harness.Client(AuthMode.Bearer), $"koodrive/ose/v1/backup/record/{Harness.Emulator.State.NewId()}", Harness.Seed.BackupLock.LockId);

        AssertRefused(response, 13000309, "Resource not found.");
    }

    private static Task<ApiResponse> Send(HttpClient client, string path, string? lockId) =>
        EmulatorHarness.SendAsync(client, HttpMethod.Delete, path, configure: r =>
        {
            if (lockId is not null)
            {
                r.Headers.Add("x-backup-lock-id", lockId);
            }
        });

    private void AssertRefused(ApiResponse response, int code, string msg)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, response.Code);
        Assert.Contains(msg, response.Msg, StringComparison.Ordinal);
        Assert.NotNull(Harness.Emulator.State.GetBackupRecord(Harness.Seed.BackupRecord.RecordId));
    }
}
