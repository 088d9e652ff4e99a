using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>
/// POST /koodrive/ose/v1/backup/device/{deviceId}/scope. Schema violations reject the whole request
/// (13000102, nothing added); conflicts are per scope, in <c>failedScopeList</c>.
/// </summary>
internal sealed class AddBackupScopesOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        // The spec's rules (module code, list size, the E3 path pattern and length, not both empty) are
        // checked before anything is added.
        if (!request.TryReadValidJson<AddBackupScopesRequestModel>(out var body, out var error))
        {
            return error;
        }

        var scopes = body.ScopeList!.Select(item => new ScopeRequest(item!.LocalPath ?? string.Empty, item.TargetFolderPath ?? string.Empty)).ToList();
        var outcome = request.State.AddScopes(request.UserId, request.Route("deviceId"), body.ModuleCode!, scopes);
        if (outcome is null)
        {
            return ApiResult.NotFound();
        }

        return ApiResult.Ok(new AddBackupScopesResponseModel(
            [.. outcome.Added.Select(ScopeInfoModel.From)],
            [.. outcome.Failed.Select(f => new ScopeAddFailedInfoModel(f.Scope.LocalPath, f.Scope.TargetFolderPath, f.ErrorCode, f.Msg))],
            ServiceCodes.Success,
            "success"));
    }
}
