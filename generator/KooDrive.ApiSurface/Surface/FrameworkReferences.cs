using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace KooDrive.ApiSurface.Surface;

/// <summary>
/// The .NET shared framework this tool runs on, as Roslyn metadata references. The printed surface names
/// types by namespace and name only, so the exact framework patch version never appears in a listing.
/// </summary>
public static class FrameworkReferences
{
    private static readonly Lazy<IReadOnlyDictionary<string, MetadataReference>> Loaded = new(Load);

    /// <summary>The framework assemblies, by simple name.</summary>
    public static IReadOnlyDictionary<string, MetadataReference> ByName => Loaded.Value;

    /// <summary>All framework assemblies.</summary>
    public static IEnumerable<MetadataReference> All => Loaded.Value.Values;

    private static Dictionary<string, MetadataReference> Load()
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)
            ?? throw new InvalidOperationException("The .NET shared framework directory could not be found.");

        return Directory.EnumerateFiles(directory, "*.dll")
            .Where(IsManagedAssembly)
            .ToDictionary(
                p => Path.GetFileNameWithoutExtension(p),
                p => (MetadataReference)MetadataReference.CreateFromFile(p),
                StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="path"/> is a .NET assembly (the framework folder also holds native files).</summary>
    /// <param name="path">A file path.</param>
    /// <returns><see langword="true"/> for a file with .NET metadata and an assembly manifest.</returns>
    public static bool IsManagedAssembly(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
    }
}
