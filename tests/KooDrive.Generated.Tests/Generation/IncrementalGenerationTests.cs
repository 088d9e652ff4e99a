using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Generation;

/// <summary>
/// The MSBuild generation step (generator/KooDrive.Generation.targets) runs NSwag only when an input
/// changed, and fails the build clearly when NSwag fails. Runs the real target in a copy of the repository.
/// </summary>
[Trait("Category", "Build")]
public class IncrementalGenerationTests
{
    private const string Marker = "KooDrive.Generated: generating the client from";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void NSwag_runs_once_and_again_only_when_the_spec_or_config_changes()
    {
        using var repo = RepoCopy.Create();

        var first = Generate(repo);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains(Marker, first.Output, StringComparison.Ordinal);
        var generated = Assert.Single(Directory.GetFiles(Path.Combine(repo.Root, "src", "KooDrive.Generated", "obj"), "KooDriveClient.g.cs", SearchOption.AllDirectories));
        Assert.Contains("partial class BackupClient", File.ReadAllText(generated), StringComparison.Ordinal);
        var firstWrite = File.GetLastWriteTimeUtc(generated);

        var second = Generate(repo, restore: false);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.DoesNotContain(Marker, second.Output, StringComparison.Ordinal);
        Assert.Equal(firstWrite, File.GetLastWriteTimeUtc(generated));

        Touch(repo.Spec);
        var afterSpecEdit = Generate(repo, restore: false);
        Assert.True(afterSpecEdit.ExitCode == 0, afterSpecEdit.Output);
        Assert.Contains(Marker, afterSpecEdit.Output, StringComparison.Ordinal);

        Touch(repo.NSwagConfig);
        var afterConfigEdit = Generate(repo, restore: false);
        Assert.Contains(Marker, afterConfigEdit.Output, StringComparison.Ordinal);
        Assert.True(File.GetLastWriteTimeUtc(generated) > firstWrite);
    }

    [Fact]
    public void A_spec_NSwag_cannot_read_fails_the_build_with_a_clear_error()
    {
        using var repo = RepoCopy.Create();
        File.WriteAllText(repo.Spec, "openapi: 3.0.3\ninfo: [this is not a mapping\n");

        var result = Generate(repo);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("KOODRIVE001", result.Output, StringComparison.Ordinal);
        Assert.Contains("NSwag could not generate the KooDrive client from the spec", result.Output, StringComparison.Ordinal);
    }

    // Restoring once is enough: later runs change only the spec or the NSwag config, never a package reference.
    private static ChildProcess.Result Generate(RepoCopy repo, bool restore = true) =>
        restore
            ? DotnetCli.Run(repo.Root, Timeout, "msbuild", repo.PackageProject, "-restore", "-t:KooDriveIncludeGeneratedClient", "-v:n", "-nologo")
            : DotnetCli.Run(repo.Root, Timeout, "msbuild", repo.PackageProject, "-t:KooDriveIncludeGeneratedClient", "-v:n", "-nologo");

    private static void Touch(string path) => File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
}
