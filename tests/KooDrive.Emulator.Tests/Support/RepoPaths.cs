using System.Reflection;

namespace KooDrive.Emulator.Tests.Support;

/// <summary>Locates the repository's spec from the test assembly.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = ResolveRoot();

    public static string Spec => Path.Combine(Root, "spec", "openapi.yaml");

    private static string ResolveRoot()
    {
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
