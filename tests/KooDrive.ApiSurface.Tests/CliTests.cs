using KooDrive.ApiSurface.Generation;
using KooDrive.ApiSurface.Tests.Surface;

namespace KooDrive.ApiSurface.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("koodrive-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Surface_prints_the_listing_of_a_built_assembly()
    {
        var dll = Build("Before", "namespace Cli { public class A { public int X { get; set; } } }");

        var (code, output, error) = await RunAsync("surface", dll);

        Assert.Equal(Cli.Success, code);
        Assert.Equal("Cli.A: public class\nCli.A.A(): public\nCli.A.X: public int { get; set; }\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Surface_writes_to_a_file_when_asked()
    {
        var dll = Build("Before", "namespace Cli { public class A { } }");
        var listing = Path.Combine(_folder, "surface.txt");

        var (code, output, _) = await RunAsync("surface", dll, "--output", listing);

        Assert.Equal(Cli.Success, code);
        Assert.Empty(output);
        Assert.Equal("Cli.A: public class\nCli.A.A(): public\n", await File.ReadAllTextAsync(listing));
    }

    [Fact]
    public async Task Diff_prints_removed_and_added_lines_labels_each_change_and_exits_3_for_a_breaking_one()
    {
        var before = Build("Before", "namespace Cli { public class A { public int X { get; set; } } }");
        var after = Build("After", "namespace Cli { public class A { public long X { get; set; } } }");

        var (code, output, _) = await RunAsync("diff", before, after);

        Assert.Equal(Cli.Breaking, code);
        Assert.Equal("-Cli.A.X: public int { get; set; }\n+Cli.A.X: public long { get; set; }\n\nbreaking  Cli.A.X: type changed: `int` → `long`\n", output);
    }

    [Fact]
    public async Task Diff_exits_1_when_every_change_is_additive()
    {
        var before = Build("Before", "namespace Cli { public class A { } }");
        var after = Build("After", "namespace Cli { public class A { public int? Y { get; set; } } }");

        var (code, output, _) = await RunAsync("diff", before, after);

        Assert.Equal(Cli.Different, code);
        Assert.EndsWith("\nadditive  Cli.A.Y: added\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changelog_drafts_the_entry_with_the_version_the_changes_need_and_writes_it_when_asked()
    {
        var changelog = Path.Combine(_folder, "CHANGELOG.md");
        var v1 = Path.Combine(_folder, "v1.snap");
        var v2 = Path.Combine(_folder, "v2.snap");
        await File.WriteAllTextAsync(v1, "Cli.A: public class\nCli.A.X: public int { get; set; }\n");
        await File.WriteAllTextAsync(v2, "Cli.A: public class\n");

        var first = await RunAsync("changelog", "--changelog", changelog, "--after", v1, "--write");
        var draft = await RunAsync("changelog", "--changelog", changelog, "--after", v2);
        var tooLow = await RunAsync("changelog", "--changelog", changelog, "--after", v2, "--version", "0.1.1");
        var written = await RunAsync("changelog", "--changelog", changelog, "--after", v2, "--write");
        var nothing = await RunAsync("changelog", "--changelog", changelog, "--after", v2);

        Assert.Equal(Cli.Success, first.Code);
        Assert.StartsWith("## 0.2.0\n\n### Breaking\n- `Cli.A.X`: removed.\n", draft.Output, StringComparison.Ordinal);
        Assert.Equal(Cli.Failure, tooLow.Code);
        Assert.Contains("these changes need at least 0.2.0", tooLow.Error, StringComparison.Ordinal);
        Assert.Equal(Cli.Success, written.Code);
        Assert.Equal(["## 0.2.0", "## 0.1.0"], (await File.ReadAllLinesAsync(changelog)).Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
        Assert.Equal("No public API change since 0.2.0: nothing to record.\n", nothing.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diff_accepts_a_listing_file_and_exits_0_when_equal()
    {
        var dll = Build("Before", "namespace Cli { public class A { } }");
        var listing = Path.Combine(_folder, "A.snap");
        await File.WriteAllTextAsync(listing, "\uFEFFCli.A: public class\r\nCli.A.A(): public\r\n");

        var (code, output, _) = await RunAsync("diff", listing, dll);

        Assert.Equal(Cli.Success, code);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Spec_surface_prints_the_surface_generated_from_a_spec()
    {
        var (code, output, error) = await RunAsync("spec-surface", RepoPaths.Spec, "--nswag", Path.Combine(RepoPaths.Generator, "nswag.json"));

        Assert.True(code == Cli.Success, error);
        Assert.Contains("KooDrive.Generated.IBackupClient: public interface\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("surfac", "x.dll")]
    [InlineData("diff", "only-one")]
    public async Task Bad_arguments_print_the_usage_and_exit_2(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(Cli.Failure, code);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_an_error_not_ignored()
    {
        var dll = Build("Before", "namespace Cli { public class A { } }");

        var (code, _, error) = await RunAsync("surface", dll, "--outptu", "x.txt");

        Assert.Equal(Cli.Failure, code);
        Assert.Contains("--outptu", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_assembly_is_reported_with_its_path()
    {
        var missing = Path.Combine(_folder, "Nope.dll");

        var (code, _, error) = await RunAsync("surface", missing);

        Assert.Equal(Cli.Failure, code);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    private string Build(string name, string source)
    {
        var compilation = ClientCompiler.Compile("#pragma warning disable CS1591\n" + source, name, name + ".cs");
        Assert.True(compilation.Image is not null, compilation.DescribeDiagnostics());
        var path = Path.Combine(_folder, name + ".dll");
        File.WriteAllBytes(path, compilation.Image);
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
