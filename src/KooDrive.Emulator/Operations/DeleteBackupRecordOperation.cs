using KooDrive.Emulator.Api;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>
/// DELETE /koodrive/ose/v1/backup/record/{recordId}. The <c>x-backup-lock-id</c> must name a live lock of
/// the user for the record's module.
/// </summary>
internal sealed class DeleteBackupRecordOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        if (!BackupLockHeader.TryRead(request, out var lockId, out var error))
        {
            return error;
        }

        var outcome = request.State.DeleteBackupRecord(request.UserId, request.Route("recordId"), lockId);
        return outcome == LockedWrite.Done ? ApiResult.Success("success") : BackupLockHeader.Refusal(outcome);
    }
}
