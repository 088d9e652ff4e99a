using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Operations;

/// <summary>POST /koodrive/ose/v1/backup/lock: a new lock of the module, live for the spec's lease. Locks are not exclusive (ERRATA D20).</summary>
internal sealed class CreateBackupLockOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        if (!request.TryReadValidJson<CreateBackupLockRequestModel>(out var body, out var error))
        {
            return error;
        }

        var backupLock = request.State.CreateBackupLock(request.UserId, body.ModuleCode!);
        return ApiResult.Ok(new CreateBackupLockResponseModel(new LockInfoModel(backupLock.LockId), ServiceCodes.Success, "success"));
    }
}
