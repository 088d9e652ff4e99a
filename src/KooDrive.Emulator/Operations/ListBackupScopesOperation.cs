using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Operations;

/// <summary>GET /koodrive/ose/v1/backup/device/{deviceId}/scope?moduleCode=: the device's scopes of one module, oldest first, unpaged.</summary>
internal sealed class ListBackupScopesOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        var scopes = request.State.ListScopes(request.UserId, request.Route("deviceId"), request.Query("moduleCode")!);
        return scopes is null
            ? ApiResult.NotFound()
            : ApiResult.Ok(new ListBackupScopesResponseModel([.. scopes.Select(ScopeInfoModel.From)], ServiceCodes.Success, "success"));
    }
}
