using KooDrive.Emulator;
using KooDrive.EndToEnd.Tests.Support;

namespace KooDrive.EndToEnd.Tests.Readme;

/// <summary>
/// The README's lock-session and bulk-delete example compiles without a warning against the built SDK and, run as a
/// program against the emulator as <c>dotnet run</c> starts it, completes a record under a lock and deletes the scopes.
/// </summary>
public class ReadmeWorkflowTests
{
    private const string Heading = "Backup lock sessions and bulk deletes";

    [Fact]
    public async Task The_lock_and_bulk_delete_example_runs_against_the_emulator()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var code = Assert.Single(ReadmeProgram.CSharpBlocks(readme, Heading));
        using var program = ReadmeProgram.Compile(code, "ReadmeWorkflow");
        Assert.True(program.Diagnostics.Count == 0, string.Join("\n", program.Diagnostics));
        await using var emulator = await KooDriveEmulator.StartAsync(KooDriveEmulatorOptions.FromCommandLine(["--urls", "http://127.0.0.1:0", "--log-level", "None"]));
        var scopes = emulator.State.GetScopes(emulator.Seed!.Device.DeviceId).Count;

        var (exitCode, output) = program.Run("ReadmeWorkflow", emulator.GetQuickstartEnvironment(useAccessToken: false).ToDictionary());

        Assert.True(exitCode == 0, output);
        var recordId = output.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("completed record ", StringComparison.Ordinal))["completed record ".Length..];
        Assert.Equal(1, emulator.State.GetBackupRecord(recordId)!.Status);
        Assert.Contains("2 deleted, 0 refused, 0 unknown", output, StringComparison.Ordinal);
        Assert.Equal(scopes - 2, emulator.State.GetScopes(emulator.Seed.Device.DeviceId).Count);
        Assert.DoesNotContain(emulator.Credentials.AppSecret, output, StringComparison.Ordinal);
    }
}
