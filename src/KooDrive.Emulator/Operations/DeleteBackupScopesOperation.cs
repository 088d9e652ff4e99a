using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Operations;

/// <summary>
/// DELETE /koodrive/ose/v1/backup/device/{deviceId}/scope. IDs may arrive as JSON strings or numbers
/// (read from their exact digits). Unknown IDs fail with 15000418, repeats with 15000424, in the
/// documented array shape.
/// </summary>
internal sealed class DeleteBackupScopesOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        if (!request.TryReadValidJson<DeleteBackupScopesRequestModel>(out var body, out var error))
        {
            return error;
        }

        var outcome = request.State.DeleteScopes(request.UserId, request.Route("deviceId"), body.ScopeIdList!);
        if (outcome is null)
        {
            return ApiResult.NotFound();
        }

        return ApiResult.Ok(new DeleteBackupScopesResponseModel(
            outcome.Deleted,
            [.. outcome.Failed.Select(f => new ScopeDeleteFailedInfoModel(f.ScopeId, f.ErrorCode, f.Msg))],
            ServiceCodes.Success,
            "success"));
    }
}
