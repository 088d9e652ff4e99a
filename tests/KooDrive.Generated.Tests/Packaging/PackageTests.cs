using System.Diagnostics;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using KooDrive.ApiSurface.Versioning;
using KooDrive.Generated.Tests.Packaging.Support;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Packaging;

/// <summary>
/// Runs <c>dotnet pack src/KooDrive.Generated -c Release</c> in throwaway copies of the repository and opens
/// what it produced: the package, its symbols, and the PDB inside them.
/// </summary>
[Trait("Category", "Build")]
public class PackageTests(PackageTests.PlainPack plain) : IClassFixture<PackageTests.PlainPack>
{
    private const string GeneratedFile = "KooDriveClient.g.cs";
    private const string HandwrittenFile = "KooDriveClientOptions.cs";
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(1);

    private static string Value(XElement metadata, string name) =>
        metadata.Elements().Single(e => e.Name.LocalName == name).Value;

    // Builds not on a release tag are pre-releases of the newest version recorded in spec/CHANGELOG.md.
    private static string PreReleaseOfRecordedVersion(string root)
    {
        var recorded = Changelog.Parse(File.ReadAllText(Path.Combine(root, "spec", "CHANGELOG.md"))).Version;
        Assert.NotNull(recorded);
        return $"{recorded.Value.Major}.{recorded.Value.Minor}.0-alpha.0";
    }

    [Fact]
    public void The_package_carries_the_assembly_XML_docs_README_license_and_runtime_dependencies_only()
    {
        var packed = plain.First;

        Assert.Contains("lib/net10.0/KooDrive.Generated.dll", packed.Entries());
        Assert.Contains("lib/net10.0/KooDrive.Generated.xml", packed.Entries());
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Src, "KooDrive.Generated", "README.md")), packed.Read("README.md"));
        var docs = XDocument.Load(new MemoryStream(packed.Read("lib/net10.0/KooDrive.Generated.xml")));
        Assert.Contains(docs.Descendants("member"), m => (string?)m.Attribute("name") == "M:KooDrive.Generated.DependencyInjection.KooDriveServiceCollectionExtensions.AddKooDriveClient(Microsoft.Extensions.DependencyInjection.IServiceCollection,System.Action{KooDrive.Generated.Configuration.KooDriveClientOptions})");

        var metadata = packed.Nuspec();
        Assert.Equal("README.md", Value(metadata, "readme"));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();
        Assert.Contains("Microsoft.Extensions.Http.Resilience", dependencies);
        Assert.Contains("Newtonsoft.Json", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("NSwag", StringComparison.Ordinal) || d.StartsWith("Microsoft.SourceLink", StringComparison.Ordinal));

        Assert.Contains("lib/net10.0/KooDrive.Generated.pdb", packed.Entries(symbols: true));
    }

    [Fact]
    public void Next_to_the_portable_IL_the_package_carries_a_precompiled_image_per_configured_runtime_with_the_same_identity_and_symbols()
    {
        var packed = plain.First;
        var il = AssemblyImage.Read(packed.Read("lib/net10.0/KooDrive.Generated.dll"));
        Assert.False(il.IsReadyToRun);

        var runtimes = packed.Entries()
            .Select(e => e.Split('/'))
            .Where(parts => parts is ["runtimes", _, "lib", "net10.0", _])
            .ToList();
        Assert.All(runtimes, parts => Assert.Equal("KooDrive.Generated.dll", parts[4]));
        Assert.Equal(ReadyToRunRuntimes(plain.Repo.Root).Order(), runtimes.Select(parts => parts[1]).Order());
        Assert.Contains("linux-x64", runtimes.Select(parts => parts[1]));

        foreach (var parts in runtimes)
        {
            var image = AssemblyImage.Read(packed.Read(string.Join('/', parts)));
            Assert.True(image.IsReadyToRun, parts[1]);
            Assert.Equal(AssemblyImage.MachineFor(parts[1]), image.Machine);
            // The same assembly, precompiled: one identity, and one PDB in the symbols package serves both files.
            Assert.Equal(il.Mvid, image.Mvid);
            Assert.Equal(il.Version, image.Version);
            Assert.Equal((il.CodeView.Guid, il.CodeView.Age, il.CodeView.Path), (image.CodeView.Guid, image.CodeView.Age, image.CodeView.Path));
        }

        // Packing IL only is one property away.
        Assert.Empty(ReadyToRunRuntimes(plain.Repo.Root, "-p:KooDriveReadyToRun=false"));
    }

    [Fact]
    public void Without_a_GitHub_origin_the_symbols_embed_every_source_file_including_the_generated_client_and_packing_is_reproducible()
    {
        var repo = plain.Repo;
        var first = plain.First;
        Directory.Delete(Path.Combine(repo.Root, "src", "KooDrive.Generated", "bin"), recursive: true);
        Directory.Delete(Path.Combine(repo.Root, "src", "KooDrive.Generated", "obj"), recursive: true);
        var second = PackedPackage.Pack(repo.Root, "second");

        var pdb = first.Pdb();
        Assert.Null(pdb.SourceLink);
        var generated = Assert.Single(pdb.Documents, d => d.Key.EndsWith(GeneratedFile, StringComparison.Ordinal));
        Assert.Contains("public partial class BackupClient", generated.Value, StringComparison.Ordinal);
        Assert.Contains(pdb.Documents, d => d.Key.EndsWith(HandwrittenFile, StringComparison.Ordinal) && d.Value is not null);
        Assert.All(pdb.Documents.Where(d => d.Key.EndsWith(".cs", StringComparison.Ordinal)), d => Assert.NotNull(d.Value));

        var dll = first.Read("lib/net10.0/KooDrive.Generated.dll");
        using (var pe = new PEReader(new MemoryStream(dll)))
        {
            Assert.Contains(pe.ReadDebugDirectory(), e => e.Type == DebugDirectoryEntryType.Reproducible);
        }

        // No git, no history to count: the version is the recorded floor, the same for both packs.
        Assert.Equal(PreReleaseOfRecordedVersion(repo.Root), Value(first.Nuspec(), "version"));
        Assert.Equal(dll, second.Read("lib/net10.0/KooDrive.Generated.dll"));
        Assert.Equal(File.ReadAllBytes(first.Package), File.ReadAllBytes(second.Package));
        Assert.Equal(File.ReadAllBytes(first.Symbols), File.ReadAllBytes(second.Symbols));
    }

    [Fact]
    public void From_a_GitHub_clone_on_CI_SourceLink_maps_tracked_files_the_untracked_generated_client_is_embedded_and_each_commit_gets_its_own_version()
    {
        using var repo = RepoCopy.Create();
        File.Copy(Path.Combine(RepoPaths.Root, ".gitignore"), Path.Combine(repo.Root, ".gitignore"));
        Git(repo.Root, "init", "-q");
        Git(repo.Root, "remote", "add", "origin", "https://github.com/koodrive-generated/KooDrive.Generated.git");
        Git(repo.Root, "add", "-A");
        Git(repo.Root, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "snapshot");
        var commit = Git(repo.Root, "rev-parse", "HEAD").Trim();

        var packed = PackedPackage.Pack(repo.Root, "packages", "-p:ContinuousIntegrationBuild=true");

        var pdb = packed.Pdb();
        Assert.NotNull(pdb.SourceLink);
        var map = JsonDocument.Parse(pdb.SourceLink).RootElement.GetProperty("documents").EnumerateObject().Single();
        Assert.Equal("/_/*", map.Name);
        Assert.Equal($"https://raw.githubusercontent.com/koodrive-generated/KooDrive.Generated/{commit}/*", map.Value.GetString());
        var generated = Assert.Single(pdb.Documents, d => d.Key.EndsWith(GeneratedFile, StringComparison.Ordinal));
        Assert.Contains("public partial class AlbumClient", generated.Value, StringComparison.Ordinal);
        var handwritten = Assert.Single(pdb.Documents, d => d.Key.EndsWith(HandwrittenFile, StringComparison.Ordinal));
        Assert.Null(handwritten.Value);
        Assert.Equal("/_/src/KooDrive.Generated/Configuration/" + HandwrittenFile, handwritten.Key);
        Assert.All(pdb.Documents.Keys, path => Assert.StartsWith("/_/", path, StringComparison.Ordinal));

        var repository = packed.Nuspec().Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(commit, (string?)repository.Attribute("commit"));

        // A clone without tags: the version comes from git (MinVer); the first commit has height 0, which MinVer leaves out...
        var floor = PreReleaseOfRecordedVersion(repo.Root);
        Assert.Equal(floor, Value(packed.Nuspec(), "version"));
        // ...and the next commit packs as the next version, so a consumer's NuGet cache never serves an older build
        // under the new one's version. Only the version is evaluated here; the pack above showed it lands in the nuspec.
        Git(repo.Root, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "--allow-empty", "-m", "next");
        var next = DotnetCli.Run(repo.Root, GitTimeout, "msbuild", "src/KooDrive.Generated", "-nologo", "-t:MinVer", "-p:Configuration=Release", "-getProperty:PackageVersion");
        Assert.True(next.ExitCode == 0, next.Output);
        Assert.Equal(floor + ".1", next.Output.Trim());
    }

    /// <summary>
    /// One plain pack of a repository copy, shared by the tests that inspect it: a pack is a full Release build
    /// with NSwag, the most expensive thing this suite does, and nothing here modifies what it produced. The
    /// reproducibility test packs the same copy a second time from scratch.
    /// </summary>
    public sealed class PlainPack : IDisposable
    {
        private readonly Lazy<PackedPackage> _first;

        public PlainPack()
        {
            Repo = RepoCopy.Create();
            _first = new Lazy<PackedPackage>(() => PackedPackage.Pack(Repo.Root, "first"));
        }

        internal RepoCopy Repo { get; }

        internal PackedPackage First => _first.Value;

        public void Dispose() => Repo.Dispose();
    }

    // The runtime identifiers the package project precompiles for, as MSBuild evaluates them.
    private static string[] ReadyToRunRuntimes(string root, params string[] properties)
    {
        var result = DotnetCli.Run(root, GitTimeout, ["msbuild", "src/KooDrive.Generated", "-nologo", "-p:Configuration=Release", "-getProperty:KooDriveReadyToRunRuntimes", .. properties]);
        Assert.True(result.ExitCode == 0, result.Output);
        return result.Output.Trim().Split(';', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Git(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(GitTimeout), $"git {string.Join(' ', args)} did not finish");
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error.Result}");
        return output.Result;
    }
}
