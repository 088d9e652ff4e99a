using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Operations;

/// <summary>GET /koodrive/ose/v1/backup/record/{recordId}: reading needs no lock (ERRATA E22).</summary>
internal sealed class GetBackupRecordOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        var record = request.State.FindBackupRecord(request.UserId, request.Route("recordId"));
        return record is null
            ? ApiResult.NotFound()
            : ApiResult.Ok(new BackupRecordResponseModel(BackupRecordModel.From(record, request.State.FindDevice(request.UserId, record.DeviceId)), ServiceCodes.Success, "success"));
    }
}
