using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>POST /koodrive/ose/v1/backup/record: a new record (status 0) under a live lock of the body's module (ERRATA D21).</summary>
internal sealed class CreateBackupRecordOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        if (!BackupLockHeader.TryRead(request, out var lockId, out var error)
            || !request.TryReadValidJson<CreateBackupRecordRequestModel>(out var body, out error))
        {
            return error;
        }

        if (!JsonText.IsValidOrAbsent(body.Properties))
        {
            return ApiResult.InvalidParameter("properties must be JSON text.");
        }

        var (outcome, record) = request.State.CreateBackupRecord(request.UserId, lockId, body.DeviceId!, body.ModuleCode!, body.Properties);
        return outcome == LockedWrite.Done
            ? ApiResult.Ok(new BackupRecordResponseModel(BackupRecordModel.From(record!, request.State.FindDevice(request.UserId, record!.DeviceId)), ServiceCodes.Success, "success"))
            : BackupLockHeader.Refusal(outcome);
    }
}
