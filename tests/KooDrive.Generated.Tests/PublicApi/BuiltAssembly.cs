using System.Xml.Linq;
using KooDrive.ApiSurface.Surface;
using Microsoft.CodeAnalysis;

namespace KooDrive.Generated.Tests.PublicApi;

/// <summary>The KooDrive.Generated assembly these tests were built against, as Roslyn symbols and XML docs.</summary>
internal static class BuiltAssembly
{
    /// <summary>The .dll in the test output folder, next to its dependencies and its XML documentation file.</summary>
    public static string FilePath => typeof(BackupClient).Assembly.Location;

    private static readonly Lazy<IAssemblySymbol> Symbols = new(() => AssemblyLoader.LoadFile(FilePath));

    private static readonly Lazy<IReadOnlyList<string>> Listing = new(() => PublicApiPrinter.Print(Symbols.Value));

    public static IAssemblySymbol Assembly => Symbols.Value;

    public static IReadOnlyList<string> Surface => Listing.Value;

    public static XDocument Documentation()
    {
        var path = Path.ChangeExtension(FilePath, ".xml");
        Assert.True(File.Exists(path), $"No XML documentation file at {path}: src/KooDrive.Generated must keep GenerateDocumentationFile on.");
        return XDocument.Load(path);
    }
}
