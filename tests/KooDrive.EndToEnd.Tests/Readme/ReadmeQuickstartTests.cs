using KooDrive.Emulator;
using KooDrive.EndToEnd.Tests.Support;

namespace KooDrive.EndToEnd.Tests.Readme;

/// <summary>
/// Every quickstart in the package README and the repository README compiles without a warning against the
/// built SDK and, run as a program, makes real calls that the emulator authenticates and carries out.
/// </summary>
public class ReadmeQuickstartTests
{
    // The IDs the quickstarts use, taken from the doc pages' examples.
    private const string DeviceId = "1842812272691451648";
    private const string ScopeId = "1842846715527366528";
    private const string AlbumId = "1795607640592646273";
    private const string ContentId = "Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW";

    private static string PackageReadme => File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "KooDrive.Generated", "README.md"));

    private static string RepositoryReadme => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    public static TheoryData<string, int> Quickstarts
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var i in Enumerable.Range(0, ReadmeProgram.CSharpBlocks(PackageReadme).Count))
            {
                data.Add("package", i);
            }

            foreach (var i in Enumerable.Range(0, ReadmeProgram.CSharpBlocks(RepositoryReadme, "Quick start").Count))
            {
                data.Add("repository", i);
            }

            return data;
        }
    }

    [Fact]
    public void Both_READMEs_have_quickstarts_covering_DI_and_the_constructor_path()
    {
        var package = ReadmeProgram.CSharpBlocks(PackageReadme);
        Assert.Equal(2, package.Count);
        Assert.Contains("AddKooDriveClient(", package[0], StringComparison.Ordinal);
        Assert.Contains("KooDriveHttpClientFactory.Create(", package[1], StringComparison.Ordinal);
        Assert.Contains("KooDriveHttpClientFactory.Create(", Assert.Single(ReadmeProgram.CSharpBlocks(RepositoryReadme, "Quick start")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Quickstarts))]
    public async Task Each_quickstart_compiles_cleanly_and_works_against_the_emulator_as_dotnet_run_starts_it(string readme, int block)
    {
        var code = (readme == "package" ? ReadmeProgram.CSharpBlocks(PackageReadme) : ReadmeProgram.CSharpBlocks(RepositoryReadme, "Quick start"))[block];
        var name = $"Quickstart_{readme}_{block}";
        using var program = ReadmeProgram.Compile(code, name);
        Assert.True(program.Diagnostics.Count == 0, string.Join("\n", program.Diagnostics));

        // A quickstart that reads KOODRIVE_ACCESS_TOKEN runs once per authentication mode.
        bool[] modes = code.Contains("KOODRIVE_ACCESS_TOKEN", StringComparison.Ordinal) ? [false, true] : [false];
        foreach (var useAccessToken in modes)
        {
            // The command line's own options (seeding the READMEs' IDs), on a free port instead of 5080.
            await using var emulator = await KooDriveEmulator.StartAsync(KooDriveEmulatorOptions.FromCommandLine(["--urls", "http://127.0.0.1:0", "--log-level", "None"]));

            var (exitCode, output) = program.Run(name, emulator.GetQuickstartEnvironment(useAccessToken).ToDictionary());

            var mode = useAccessToken ? "token" : "app";
            Assert.True(exitCode == 0, $"{mode} mode: {output}");
            Assert.DoesNotContain(emulator.Credentials.AppSecret, output, StringComparison.Ordinal);
            Assert.DoesNotContain(emulator.Credentials.BearerToken, output, StringComparison.Ordinal);
            if (code.Contains("DeleteAlbumContentsAsync", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(ContentId, emulator.State.GetAlbum(AlbumId)!.ContentIds);
            }
            else
            {
                Assert.DoesNotContain(emulator.State.GetScopes(DeviceId), s => s.ScopeId == ScopeId);
            }

            if (code.Contains("GetOutcome(", StringComparison.Ordinal))
            {
                // Both example scope IDs exist on the emulator, as the README says.
                Assert.Contains("2 deleted, 0 failed", output, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_command_lines_export_lines_set_exactly_the_quickstart_environment_in_a_shell()
    {
        await using var emulator = await KooDriveEmulator.StartAsync(KooDriveEmulatorOptions.FromCommandLine(["--urls", "http://127.0.0.1:0", "--app-secret", "it's $HOME `x`", "--log-level", "None"]));
        var expected = emulator.GetQuickstartEnvironment(useAccessToken: false);

        var start = new System.Diagnostics.ProcessStartInfo("bash");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(emulator.GetQuickstartExportLine(useAccessToken: false) + " && env");
        var (exitCode, output) = ChildProcess.Run(start, TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        var actual = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in output.ReplaceLineEndings("\n").Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2))
        {
            actual[pair[0]] = pair[1];
        }

        Assert.All(expected, v => Assert.Equal(v.Value, actual[v.Key]));
    }
}
