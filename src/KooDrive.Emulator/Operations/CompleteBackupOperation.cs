using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>PATCH /koodrive/ose/v1/backup/record/{recordId}: a new record (status 0) becomes completed (1) under a live lock of its module (ERRATA D21).</summary>
internal sealed class CompleteBackupOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        if (!BackupLockHeader.TryRead(request, out var lockId, out var error)
            || !request.TryReadValidJson<CompleteBackupRequestModel>(out var body, out error))
        {
            return error;
        }

        if (!JsonText.IsValidOrAbsent(body.Properties))
        {
            return ApiResult.InvalidParameter("properties must be JSON text.");
        }

        var outcome = request.State.CompleteBackup(request.UserId, request.Route("recordId"), lockId, body.Properties);
        return outcome == LockedWrite.Done ? ApiResult.Success("success") : BackupLockHeader.Refusal(outcome);
    }
}
