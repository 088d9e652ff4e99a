using System.Reflection;

namespace KooDrive.EndToEnd.Tests.Support;

/// <summary>The repository root, baked into the test assembly at build time.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Path.GetFullPath(
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "KooDriveRepoRoot").Value!);

    public static string PackageProject => Path.Combine(Root, "src", "KooDrive.Generated", "KooDrive.Generated.csproj");
}
