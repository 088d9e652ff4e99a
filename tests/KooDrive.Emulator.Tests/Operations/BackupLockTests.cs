using System.Net;
using KooDrive.Emulator.State;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Operations;

/// <summary>CreateBackupLock, RenewBackupLock and ReleaseBackupLock on the emulator's clock (ERRATA E20, E21, D20).</summary>
public class BackupLockTests : EmulatorTest
{
    private const string LockPath = "koodrive/ose/v1/backup/lock";

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task A_new_lock_names_its_module_and_lives_ten_minutes(AuthMode mode)
    {
        var response = await Send(HttpMethod.Post, LockPath, """{"moduleCode":"101"}""", mode: mode);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var lockId = response.Json["data"]!["lockId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@101$", lockId);
        Assert.Equal(Harness.Clock.GetUtcNow() + EmulatorState.BackupLockLifetime, Harness.Emulator.State.GetBackupLock(lockId)!.ExpiresAt);
    }

    [Theory]
    [InlineData("""{}""", "moduleCode is required")]
    [InlineData("""{"moduleCode":"103"}""", "moduleCode must be one of 100, 101, 102")]
    public async Task A_lock_needs_a_documented_module_code(string body, string detail)
    {
        AssertRefusal(await Send(HttpMethod.Post, LockPath, body), 13000102, detail);
    }

    [Fact]
    public void The_lock_lifetimes_are_the_leases_the_spec_gives()
    {
        Assert.Equal(SpecLimits.Lease("CreateBackupLock"), EmulatorState.BackupLockLifetime);
        Assert.Equal(SpecLimits.Lease("RenewBackupLock"), EmulatorState.RenewedBackupLockLifetime);
    }

    [Fact]
    public async Task A_renewal_resets_the_expiry_to_the_renewal_lease_from_now()
    {
        var lockId = Harness.Seed.BackupLock.LockId;
        var almostExpired = SpecLimits.Lease("CreateBackupLock") - TimeSpan.FromMinutes(1);
        var renewal = SpecLimits.Lease("RenewBackupLock");
        Harness.Clock.Advance(almostExpired);

        var renewed = await Send(HttpMethod.Patch, LockPath, lockId: lockId);
        Harness.Clock.Advance(renewal - TimeSpan.FromSeconds(1));

        Assert.Equal((HttpStatusCode.OK, 0, "success"), (renewed.Status, renewed.Code, renewed.Msg));
        Assert.True(Harness.Emulator.State.IsBackupLockLive(lockId));
        Harness.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(Harness.Emulator.State.IsBackupLockLive(lockId));
    }

    [Fact]
    public async Task An_expired_lock_cannot_be_renewed()
    {
        Harness.Clock.Advance(EmulatorState.BackupLockLifetime);

        AssertRefusal(await Send(HttpMethod.Patch, LockPath, lockId: Harness.Seed.BackupLock.LockId), 15000430, "does not exist or has expired");
    }

    [Fact]
    public async Task A_released_lock_is_gone_and_cannot_be_released_again()
    {
        var lockId = Harness.Seed.BackupLock.LockId;

        var released = await Send(HttpMethod.Delete, LockPath, lockId: lockId);
        var again = await Send(HttpMethod.Delete, LockPath, lockId: lockId);

        Assert.Equal(0, released.Code);
        Assert.Null(Harness.Emulator.State.GetBackupLock(lockId));
        AssertRefusal(again, 15000430, "does not exist or has expired");
    }

    [Fact]
    public async Task Another_users_lock_can_be_neither_renewed_nor_released()
    {
        Harness.Emulator.State.AddUser("1000000000000000004");
        var othersLock = Harness.Emulator.State.CreateBackupLock("1000000000000000004", ModuleCodes.FolderBackup);

        AssertRefusal(await Send(HttpMethod.Patch, LockPath, lockId: othersLock.LockId), 15000430, "does not exist");
        AssertRefusal(await Send(HttpMethod.Delete, LockPath, lockId: othersLock.LockId), 15000430, "does not exist");
        Assert.True(Harness.Emulator.State.IsBackupLockLive(othersLock.LockId));
    }

    [Theory]
    [InlineData("PATCH", null, "The x-backup-lock-id header is required")]
    [InlineData("DELETE", null, "The x-backup-lock-id header is required")]
    [InlineData("PATCH", "not-a-lock", "x-backup-lock-id must be '<uuid>@<moduleCode>'")]
    [InlineData("DELETE", "78e41c7e-db02-4d55-85b3-8153e4fefd2e@999", "x-backup-lock-id must be '<uuid>@<moduleCode>'")]
    public async Task A_missing_or_malformed_lock_header_is_refused(string method, string? lockId, string detail)
    {
        AssertRefusal(await Send(new HttpMethod(method), LockPath, lockId: lockId), 13000102, detail);
    }
}
