using System.IO.Compression;
using System.Xml.Linq;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Packaging.Support;

/// <summary>The .nupkg and .snupkg that <c>dotnet pack</c> wrote, opened for inspection.</summary>
internal sealed class PackedPackage
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(4);

    private PackedPackage(string directory)
    {
        var packages = Directory.GetFiles(directory, "KooDrive.Generated.*.nupkg");
        Package = Assert.Single(packages);
        Symbols = Assert.Single(Directory.GetFiles(directory, "KooDrive.Generated.*.snupkg"));
    }

    public string Package { get; }

    public string Symbols { get; }

    /// <summary>Runs the README's pack command in <paramref name="root"/> (a repository copy) and opens the result.</summary>
    public static PackedPackage Pack(string root, string outputName, params string[] extraArgs)
    {
        var output = Path.Combine(root, "artifacts", outputName);
        var result = DotnetCli.Run(root, PackTimeout, ["pack", "src/KooDrive.Generated", "-c", "Release", "-o", output, "-nologo", .. extraArgs]);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain(": warning ", result.Output, StringComparison.Ordinal);
        return new PackedPackage(output);
    }

    public IReadOnlyList<string> Entries(bool symbols = false)
    {
        using var zip = ZipFile.OpenRead(symbols ? Symbols : Package);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    public byte[] Read(string entry, bool symbols = false)
    {
        using var zip = ZipFile.OpenRead(symbols ? Symbols : Package);
        using var stream = (zip.GetEntry(entry) ?? throw new InvalidOperationException($"{entry} is not in the package.")).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public XElement Nuspec()
    {
        var document = XDocument.Load(new MemoryStream(Read("KooDrive.Generated.nuspec")));
        return document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public PortablePdb Pdb() => PortablePdb.Read(Read("lib/net10.0/KooDrive.Generated.pdb", symbols: true));
}
