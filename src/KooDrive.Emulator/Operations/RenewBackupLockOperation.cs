using KooDrive.Emulator.Api;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>PATCH /koodrive/ose/v1/backup/lock: a live lock lives the spec's renewal lease from now; an expired one cannot be renewed (ERRATA E21, D20).</summary>
internal sealed class RenewBackupLockOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        if (!BackupLockHeader.TryRead(request, out var lockId, out var error))
        {
            return error;
        }

        var outcome = request.State.RenewBackupLock(request.UserId, lockId);
        return outcome == LockedWrite.Done ? ApiResult.Success("success") : BackupLockHeader.Refusal(outcome);
    }
}
