namespace KooDrive.Generated.Tests.Support;

/// <summary>
/// A throwaway copy of what the package build needs (root props, spec, generator, package project),
/// so tests can edit the spec and rebuild without touching the working tree.
/// </summary>
internal sealed class RepoCopy : IDisposable
{
    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json"];

    private RepoCopy(string root) => Root = root;

    public string Root { get; }

    public string Spec => Path.Combine(Root, "spec", "openapi.yaml");

    public string NSwagConfig => Path.Combine(Root, "generator", "nswag.json");

    public string PackageProject => Path.Combine(Root, "src", "KooDrive.Generated", "KooDrive.Generated.csproj");

    public static RepoCopy Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "koodrive-repo-" + Guid.NewGuid().ToString("N"));
        foreach (var file in RootFiles)
        {
            CopyFile(Path.Combine(RepoPaths.Root, file), Path.Combine(root, file));
        }

        CopyTree(Path.Combine(RepoPaths.Root, "spec"), Path.Combine(root, "spec"));
        CopyTree(RepoPaths.Generator, Path.Combine(root, "generator"));
        CopyTree(Path.Combine(RepoPaths.Src, "KooDrive.Generated"), Path.Combine(root, "src", "KooDrive.Generated"));
        return new RepoCopy(root);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing Dispose would hide the real test result.
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj" || relative.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            CopyFile(file, Path.Combine(to, relative));
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }
}
