using System.Text.Json;

namespace KooDrive.ApiSurface.Surface;

/// <summary>
/// The runtime assemblies of the NuGet packages an assembly depends on, found through its <c>.deps.json</c>
/// in the NuGet global packages folder (a class library's build output does not copy them).
/// </summary>
internal sealed class PackageAssets
{
    private readonly Dictionary<string, string> _byAssemblyName;

    private PackageAssets(Dictionary<string, string> byAssemblyName) => _byAssemblyName = byAssemblyName;

    /// <summary>No package information.</summary>
    public static PackageAssets None { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Reads a <c>.deps.json</c>; <see cref="None"/> when there is none.</summary>
    /// <param name="depsJsonPath">The path of the file.</param>
    /// <param name="packagesFolder">The NuGet global packages folder; the configured one when <see langword="null"/>.</param>
    /// <returns>The package assemblies that exist on disk.</returns>
    public static PackageAssets FromDepsFile(string depsJsonPath, string? packagesFolder = null)
    {
        if (!File.Exists(depsJsonPath))
        {
            return None;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(depsJsonPath));
        var root = document.RootElement;
        if (!root.TryGetProperty("targets", out var targets) || !root.TryGetProperty("libraries", out var libraries))
        {
            return None;
        }

        packagesFolder ??= PackagesFolder();
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in targets.EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                if (!library.Value.TryGetProperty("runtime", out var runtime)
                    || !libraries.TryGetProperty(library.Name, out var info)
                    || !info.TryGetProperty("type", out var type) || type.GetString() != "package"
                    || !info.TryGetProperty("path", out var path) || path.GetString() is not { } packagePath)
                {
                    continue;
                }

                foreach (var asset in runtime.EnumerateObject())
                {
                    var file = Path.Combine(packagesFolder, packagePath, asset.Name);
                    if (File.Exists(file))
                    {
                        found.TryAdd(Path.GetFileNameWithoutExtension(file), file);
                    }
                }
            }
        }

        return new PackageAssets(found);
    }

    /// <summary>The path of the package assembly with this simple name, or <see langword="null"/>.</summary>
    /// <param name="assemblyName">The assembly's simple name.</param>
    /// <returns>The file path, or <see langword="null"/>.</returns>
    public string? Find(string assemblyName) => _byAssemblyName.GetValueOrDefault(assemblyName);

    private static string PackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
