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
    public async Task Each_quickstart_compiles_cleanly_and_works_against_the_emulator(string readme, int block)
    {
        var code = (readme == "package" ? ReadmeProgram.CSharpBlocks(PackageReadme) : ReadmeProgram.CSharpBlocks(RepositoryReadme, "Quick start"))[block];
        await using var emulator = await KooDriveEmulator.StartAsync(new KooDriveEmulatorOptions { SeedDemoData = false });
        var user = emulator.Credentials.UserId;
        emulator.State.BindDevice(user, "20250911", "Magic v3", "android", DeviceId);
        emulator.State.AddScope(DeviceId, "102", "/asdkhsdahjksd", "/ashdjkha", ScopeId);
        emulator.State.CreateAlbum(user, "Holiday", [ContentId, "Fk-iQUW1a2ZkoUMvqKENGyYuX6bjvWUiZ"], albumId: AlbumId);

        var name = $"Quickstart_{readme}_{block}";
        using var program = ReadmeProgram.Compile(code, name);
        Assert.True(program.Diagnostics.Count == 0, string.Join("\n", program.Diagnostics));

        var baseAddress = emulator.BaseAddress.ToString();
        var (exitCode, output) = program.Run(name, new Dictionary<string, string>
        {
            ["KooDrive__BaseAddress"] = baseAddress,
            ["KooDrive__UserId"] = user,
            ["KooDrive__AppId"] = emulator.Credentials.AppId,
            ["KooDrive__AppSecret"] = emulator.Credentials.AppSecret,
            ["KOODRIVE_BASE_ADDRESS"] = baseAddress,
            ["KOODRIVE_USER_ID"] = user,
            ["KOODRIVE_APP_ID"] = emulator.Credentials.AppId,
            ["KOODRIVE_APP_SECRET"] = emulator.Credentials.AppSecret,
        });

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(emulator.Credentials.AppSecret, output, StringComparison.Ordinal);
        if (code.Contains("DeleteAlbumContentsAsync", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(ContentId, emulator.State.GetAlbum(AlbumId)!.ContentIds);
        }
        else
        {
            Assert.DoesNotContain(emulator.State.GetScopes(DeviceId), s => s.ScopeId == ScopeId);
        }
    }
}
