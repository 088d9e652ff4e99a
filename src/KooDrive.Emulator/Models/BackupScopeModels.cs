using KooDrive.Emulator.Spec;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Models;

[SpecSchema("ScopeBaseInfo")]
internal sealed class ScopeBaseInfoModel
{
    public string? LocalPath { get; set; }

    public string? TargetFolderPath { get; set; }
}

[SpecSchema("AddBackupScopesRequest")]
internal sealed class AddBackupScopesRequestModel
{
    public string? ModuleCode { get; set; }

    public List<ScopeBaseInfoModel?>? ScopeList { get; set; }
}

[SpecSchema("ScopeInfo")]
internal sealed record ScopeInfoModel(string LocalPath, string TargetFolderPath, string ScopeId, string ModuleCode, string CreateTime)
{
    public static ScopeInfoModel From(EmulatorScope scope) =>
        new(scope.LocalPath, scope.TargetFolderPath, scope.ScopeId, scope.ModuleCode, Timestamps.Format(scope.CreateTime));
}

[SpecSchema("ScopeAddFailedInfo")]
internal sealed record ScopeAddFailedInfoModel(string LocalPath, string TargetFolderPath, string ErrorCode, string Msg);

[SpecSchema("AddBackupScopesResponse")]
internal sealed record AddBackupScopesResponseModel(
    IReadOnlyList<ScopeInfoModel> ScopeList,
    IReadOnlyList<ScopeAddFailedInfoModel> FailedScopeList,
    int Code,
    string Msg);

[SpecSchema("DeleteBackupScopesRequest")]
internal sealed class DeleteBackupScopesRequestModel
{
    public List<string?>? ScopeIdList { get; set; }
}

[SpecSchema("ScopeDeleteFailedInfo")]
internal sealed record ScopeDeleteFailedInfoModel(string ScopeId, string ErrorCode, string Msg);

[SpecSchema("DeleteBackupScopesResponse")]
internal sealed record DeleteBackupScopesResponseModel(
    IReadOnlyList<string> ScopeIdList,
    IReadOnlyList<ScopeDeleteFailedInfoModel> FailedScopeList,
    int Code,
    string Msg);

[SpecSchema("ListBackupScopesResponse")]
internal sealed record ListBackupScopesResponseModel(IReadOnlyList<ScopeInfoModel> ScopeList, int Code, string Msg);
