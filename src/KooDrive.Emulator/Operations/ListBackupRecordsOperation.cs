using System.Globalization;
using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Operations;

/// <summary>GET /koodrive/ose/v1/backup/record: the user's records of a module, newest first, cursor-paged over the stored records (ERRATA D22).</summary>
internal sealed class ListBackupRecordsOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        var cursor = request.Query("cursor");
        ulong? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!ulong.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ApiResult.InvalidParameter("cursor is not a cursor this service returned.");
            }

            after = parsed;
        }

        var (page, next) = request.State.ListBackupRecords(request.UserId, request.Query("moduleCode")!, request.Query("deviceId"), after, request.QueryInt("pageSize")!.Value);
        return ApiResult.Ok(new ListBackupRecordsResponseModel(
            [.. page.Select(r => BackupRecordModel.From(r, request.State.FindDevice(request.UserId, r.DeviceId)))],
            next,
            ServiceCodes.Success,
            "success"));
    }
}
