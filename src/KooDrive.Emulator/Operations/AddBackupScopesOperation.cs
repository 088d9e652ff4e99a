using System.Text.RegularExpressions;
using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>
/// POST /koodrive/ose/v1/backup/device/{deviceId}/scope. Schema violations reject the whole request
/// (13000102, nothing added); conflicts are per scope, in <c>failedScopeList</c>.
/// </summary>
internal sealed partial class AddBackupScopesOperation : IOperationBehaviour
{
    public const int MaxScopes = 100;

    public const int MaxPathLength = 10_000;

    public ApiResult Handle(ApiRequest request)
    {
        if (!request.TryReadJson<AddBackupScopesRequestModel>(out var body, out var error))
        {
            return error;
        }

        if (!ModuleCodes.IsValid(body.ModuleCode))
        {
            return ApiResult.InvalidParameter("moduleCode must be 100, 101 or 102.");
        }

        if (body.ScopeList is not { Count: >= 1 and <= MaxScopes })
        {
            return ApiResult.InvalidParameter($"scopeList must hold 1 to {MaxScopes} scopes.");
        }

        var scopes = new List<ScopeRequest>(body.ScopeList.Count);
        foreach (var item in body.ScopeList)
        {
            if (item is null)
            {
                return ApiResult.InvalidParameter("scopeList must not contain null.");
            }

            var localPath = item.LocalPath ?? string.Empty;
            var targetFolderPath = item.TargetFolderPath ?? string.Empty;
            if (!IsValidPath(localPath) || !IsValidPath(targetFolderPath))
            {
                return ApiResult.InvalidParameter(
                    $"localPath and targetFolderPath must be empty or start with '/', contain no '\\' and be at most {MaxPathLength} characters.");
            }

            if (localPath.Length == 0 && targetFolderPath.Length == 0)
            {
                return ApiResult.InvalidParameter("localPath and targetFolderPath cannot both be empty.");
            }

            scopes.Add(new ScopeRequest(localPath, targetFolderPath));
        }

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

    private static bool IsValidPath(string path) => path.Length <= MaxPathLength && PathPattern().IsMatch(path);

    // The spec's corrected pattern (errata E3): empty, or '/' followed by anything but a backslash.
    [GeneratedRegex(@"^(?:$|/[^\\]*$)", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
