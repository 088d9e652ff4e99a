using KooDrive.ApiSurface.Generation;
using KooDrive.ApiSurface.Surface;
using Microsoft.CodeAnalysis;

namespace KooDrive.ApiSurface.Tests.Surface;

/// <summary>Compiles C# test sources in memory and reads them back from metadata, like a built .dll.</summary>
internal static class Compiled
{
    public static IAssemblySymbol Assembly(string source)
    {
        var compilation = ClientCompiler.Compile(source, "Sample", "Sample.cs");
        Assert.True(compilation.Image is not null, compilation.DescribeDiagnostics());
        return ClientCompiler.LoadAssembly(compilation);
    }

    public static IReadOnlyList<string> Surface(string source) => PublicApiPrinter.Print(Assembly(source));
}
