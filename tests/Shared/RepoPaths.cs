using System.Reflection;

namespace KooDrive.Testing;

/// <summary>Locates the repository's own inputs (spec, generator, sources) from the test assembly.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = ResolveRoot();

    public static string Spec => Path.Combine(Root, "spec", "openapi.yaml");

    public static string Errata => Path.Combine(Root, "spec", "ERRATA.md");

    public static string Generator => Path.Combine(Root, "generator");

    public static string Src => Path.Combine(Root, "src");

    public static string PackageProject => Path.Combine(Src, "KooDrive.Generated", "KooDrive.Generated.csproj");

    private static string ResolveRoot()
    {
        // Baked in at build time (Directory.Build.props), so tests run from any working directory; checked,
        // because a test assembly copied elsewhere must fail with a clear message rather than read the wrong files.
        var baked = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "KooDriveRepoRoot")?.Value;
        if (baked is not null && File.Exists(Path.Combine(baked, "spec", "openapi.yaml")))
        {
            return Path.GetFullPath(baked);
        }

        throw new InvalidOperationException(
            $"The repository root '{baked}' baked into the test assembly has no spec/openapi.yaml. Rebuild the tests from the repository.");
    }
}
