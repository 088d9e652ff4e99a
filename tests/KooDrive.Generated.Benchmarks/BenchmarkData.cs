namespace KooDrive.Generated.Benchmarks;

/// <summary>Inputs shared by the benchmarks, shaped like the documented examples.</summary>
internal static class BenchmarkData
{
    public const string AddScopesResponseTemplate = """{"code":0,"msg":"success","scopeList":[],"failedScopeList":[]}""";

    public static AddBackupScopesRequest AddScopes(int count)
    {
        var request = new AddBackupScopesRequest { ModuleCode = ModuleCode.AddressBookBackup };
        for (var i = 0; i < count; i++)
        {
            request.ScopeList.Add(new ScopeBaseInfo { LocalPath = $"/storage/emulated/0/DCIM/Camera/{i}", TargetFolderPath = $"/Backup/Camera/{i}" });
        }

        return request;
    }
}
