using KooDrive.Emulator.Api;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>DELETE /koodrive/ose/v1/backup/lock: forgets a live lock; an unknown, expired or released one answers 15000430 (ERRATA D20).</summary>
internal sealed class ReleaseBackupLockOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        if (!BackupLockHeader.TryRead(request, out var lockId, out var error))
        {
            return error;
        }

        var outcome = request.State.ReleaseBackupLock(request.UserId, lockId);
        return outcome == LockedWrite.Done ? ApiResult.Success("success") : BackupLockHeader.Refusal(outcome);
    }
}
