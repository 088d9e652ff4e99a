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
