using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KooDrive.ApiSurface.Surface;

/// <summary>
/// Loads a built assembly as Roslyn symbols: the assembly, its dependencies from the same folder (a build
/// output folder holds them), and the .NET shared framework.
/// </summary>
public static class AssemblyLoader
{
    /// <summary>Loads the assembly at <paramref name="assemblyPath"/>.</summary>
    /// <param name="assemblyPath">A .dll, normally in its build output folder.</param>
    /// <returns>The assembly's symbols.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidOperationException">A dependency could not be found next to the assembly or in the framework.</exception>
    public static IAssemblySymbol LoadFile(string assemblyPath) => LoadFile(assemblyPath, packagesFolder: null);

    /// <summary>As <see cref="LoadFile(string)"/>, resolving packages from <paramref name="packagesFolder"/> (tests).</summary>
    internal static IAssemblySymbol LoadFile(string assemblyPath, string? packagesFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyPath);
        var fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"No assembly at '{fullPath}'.", fullPath);
        }

        var image = File.ReadAllBytes(fullPath);
        return LoadImage(image, Path.GetDirectoryName(fullPath)!, [], PackageAssets.FromDepsFile(Path.ChangeExtension(fullPath, ".deps.json"), packagesFolder));
    }

    /// <summary>Loads an in-memory assembly image, for example one just compiled by Roslyn.</summary>
    /// <param name="image">The PE image.</param>
    /// <param name="dependencyFolder">A folder to resolve dependencies from, or <see langword="null"/>.</param>
    /// <param name="dependencies">Dependencies that are not in a folder (for example Newtonsoft.Json as loaded by this tool).</param>
    /// <returns>The assembly's symbols.</returns>
    /// <exception cref="InvalidOperationException">A dependency could not be resolved.</exception>
    public static IAssemblySymbol LoadImage(byte[] image, string? dependencyFolder, IEnumerable<MetadataReference> dependencies) =>
        LoadImage(image, dependencyFolder, dependencies, PackageAssets.None);

    private static IAssemblySymbol LoadImage(byte[] image, string? dependencyFolder, IEnumerable<MetadataReference> dependencies, PackageAssets packages)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(dependencies);

        var target = MetadataReference.CreateFromImage(image);
        var extra = dependencies.ToList();
        var extraNames = extra.Select(r => r.Display is { } d ? Path.GetFileNameWithoutExtension(d) : null)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var fromFolder = Resolve(image, dependencyFolder, packages, extraNames, out var missing);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Cannot print the API surface: these dependencies were found neither in '{dependencyFolder}', nor through its .deps.json in the NuGet packages folder, nor in the .NET framework: {string.Join(", ", missing)}. Build (restore) the project first, or print a copy that has its dependencies beside it (a test or publish output folder).");
        }

        // Metadata import of everything (not only public) so that visibility is decided by ApiVisibility.
        var compilation = CSharpCompilation.Create(
            "KooDrive.ApiSurface.Host",
            references: [target, .. FrameworkReferences.All, .. extra, .. fromFolder],
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, metadataImportOptions: MetadataImportOptions.All));

        return compilation.GetAssemblyOrModuleSymbol(target) as IAssemblySymbol
            ?? throw new InvalidOperationException("The file is not a .NET assembly.");
    }

    // Direct references must resolve, or signatures would print as error types. A missing dependency of a
    // dependency is tolerated: it can only matter to members the assembly does not expose.
    private static List<MetadataReference> Resolve(byte[] image, string? folder, PackageAssets packages, HashSet<string> alreadyResolved, out List<string> missing)
    {
        var references = new List<MetadataReference>();
        missing = [];
        var seen = new HashSet<string>(alreadyResolved, StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<(string Name, bool Direct)>(ReferencedAssemblyNames(image).Select(n => (n, true)));
        while (pending.TryDequeue(out var next))
        {
            if (!seen.Add(next.Name) || FrameworkReferences.ByName.ContainsKey(next.Name))
            {
                continue;
            }

            // A library's build output does not copy its packages; its .deps.json says where they are.
            var candidate = folder is null ? null : Path.Combine(folder, next.Name + ".dll");
            if (candidate is null || !File.Exists(candidate))
            {
                candidate = packages.Find(next.Name);
            }

            if (candidate is null)
            {
                if (next.Direct)
                {
                    missing.Add(next.Name);
                }

                continue;
            }

            var bytes = File.ReadAllBytes(candidate);
            references.Add(MetadataReference.CreateFromImage(bytes, filePath: candidate));
            foreach (var name in ReferencedAssemblyNames(bytes))
            {
                pending.Enqueue((name, false));
            }
        }

        return references;
    }

    private static List<string> ReferencedAssemblyNames(byte[] image)
    {
        using var reader = new PEReader(new MemoryStream(image));
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))
            .ToList();
    }
}
