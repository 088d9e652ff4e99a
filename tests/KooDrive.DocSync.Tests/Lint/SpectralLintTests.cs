using System.Diagnostics;

namespace KooDrive.DocSync.Tests.Lint;

/// <summary>
/// spec/openapi.yaml passes Spectral (.spectral.yaml: spectral:oas plus the repository's rules) with no error
/// and no warning. The CLI is the version pinned in tools/lint/package-lock.json, installed with `npm ci` when
/// node_modules is missing or older than the lock file, so a fresh clone (CI) needs only node and npm.
/// </summary>
public class SpectralLintTests
{
    private static readonly string ToolsFolder = Path.Combine(RepoPaths.Root, "tools", "lint");

    [Fact]
    public void The_spec_has_no_Spectral_errors_or_warnings()
    {
        EnsureInstalled();

        var result = Run(
            Path.Combine(ToolsFolder, "node_modules", ".bin", "spectral"),
            TimeSpan.FromMinutes(2),
            "lint", "--ruleset", Path.Combine(RepoPaths.Root, ".spectral.yaml"), "--fail-severity=warn", RepoPaths.Spec);

        Assert.True(result.ExitCode == 0, $"spectral lint failed (exit {result.ExitCode}):\n{result.Output}");
    }

    [Fact]
    public void The_repositorys_own_rules_report_what_they_guard()
    {
        EnsureInstalled();
        var spec = File.ReadAllText(RepoPaths.Spec)
            .Replace("        x-koodrive-page: spec/docs/2026-11-29/unbind-device.txt\n", "", StringComparison.Ordinal)
            .Replace("          x-koodrive-id: true\n          example: '1775406005920779393'\n", "          example: '1775406005920779393'\n", StringComparison.Ordinal)
            .Replace("          description: Machine code.\n", "", StringComparison.Ordinal);
        var broken = Path.Combine(Directory.CreateTempSubdirectory("spectral-").FullName, "openapi.yaml");
        File.WriteAllText(broken, spec);

        var result = Run(
            Path.Combine(ToolsFolder, "node_modules", ".bin", "spectral"),
            TimeSpan.FromMinutes(2),
            "lint", "--ruleset", Path.Combine(RepoPaths.Root, ".spectral.yaml"), "--fail-severity=warn", broken);
        Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("koodrive-operation-external-docs", result.Output, StringComparison.Ordinal);
        Assert.Contains("koodrive-id-marker", result.Output, StringComparison.Ordinal);
        Assert.Contains("koodrive-property-description", result.Output, StringComparison.Ordinal);
    }

    private static void EnsureInstalled()
    {
        var installed = Path.Combine(ToolsFolder, "node_modules", ".package-lock.json");
        var lockFile = Path.Combine(ToolsFolder, "package-lock.json");
        if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(lockFile))
        {
            return;
        }

        var install = Run("npm", TimeSpan.FromMinutes(5), "ci", "--no-audit", "--no-fund", "--prefix", ToolsFolder);
        Assert.True(install.ExitCode == 0, $"npm ci in tools/lint failed (exit {install.ExitCode}):\n{install.Output}");
    }

    private static ChildProcess.Result Run(string file, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = ToolsFolder };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return ChildProcess.Run(start, timeout);
    }
}
