using System.Collections.Immutable;
using KooDrive.ApiSurface.Surface;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KooDrive.ApiSurface.Generation;

/// <summary>
/// Compiles generated client code on its own with Roslyn (NSwag's own test pattern): the .NET framework and
/// Newtonsoft.Json as the only references, nullable enabled, XML documentation checked, every warning kept.
/// The hand-written package types the generated code calls are supplied as internal stubs
/// (<see cref="PackageTypeStubs"/>).
/// </summary>
public static class ClientCompiler
{
    private static readonly MetadataReference NewtonsoftJson =
        MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location);

    /// <summary>Compiles <paramref name="source"/> into an in-memory assembly.</summary>
    /// <param name="source">The C# source, e.g. from <see cref="NSwagClientGenerator"/>.</param>
    /// <param name="assemblyName">The assembly name.</param>
    /// <param name="fileName">
    /// The source's file name. The default, like the build's, ends in <c>.g.cs</c>: Roslyn treats such a file as
    /// generated code, which is nullable-oblivious unless the file itself says <c>#nullable enable</c>.
    /// </param>
    /// <returns>The diagnostics and, when there were no errors, the assembly image.</returns>
    public static ClientCompilation Compile(string source, string assemblyName = NSwagClientGenerator.DefaultNamespace, string fileName = "KooDriveClient.g.cs")
    {
        ArgumentNullException.ThrowIfNull(source);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var tree = CSharpSyntaxTree.ParseText(source, parseOptions, path: fileName);
        SyntaxTree[] trees = [tree, .. new[] { PackageTypeStubs.For(tree, parseOptions) }.OfType<SyntaxTree>()];

        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            [.. FrameworkReferences.All, NewtonsoftJson],
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                // Every warning wave: a warning the real build does not show yet still deserves a look.
                warningLevel: 9999,
                deterministic: true));

        using var image = new MemoryStream();
        using var xml = new MemoryStream();
        var result = compilation.Emit(image, xmlDocumentationStream: xml);

        // Pragma-suppressed warnings are not reported by Emit; what is left is what the source did not opt out of.
        var diagnostics = result.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();

        return new ClientCompilation(
            diagnostics,
            result.Success ? image.ToArray() : null,
            result.Success ? System.Text.Encoding.UTF8.GetString(xml.ToArray()) : null,
            tree);
    }

    /// <summary>Loads a successful compilation's assembly for <see cref="PublicApiPrinter"/>.</summary>
    /// <param name="compilation">A compilation without errors.</param>
    /// <returns>The assembly's symbols, read back from metadata exactly like a built .dll.</returns>
    /// <exception cref="InvalidOperationException">The compilation failed.</exception>
    public static IAssemblySymbol LoadAssembly(ClientCompilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        var image = compilation.Image ?? throw new InvalidOperationException(
            "The generated client did not compile:\n" + compilation.DescribeDiagnostics());
        return AssemblyLoader.LoadImage(image, dependencyFolder: null, [NewtonsoftJson]);
    }
}

/// <summary>The outcome of <see cref="ClientCompiler.Compile"/>.</summary>
/// <param name="Diagnostics">Warnings and errors, in source order.</param>
/// <param name="Image">The assembly image, or <see langword="null"/> when there were errors.</param>
/// <param name="XmlDocumentation">The XML documentation file, or <see langword="null"/> when there were errors.</param>
/// <param name="Tree">The parsed source, to quote the lines diagnostics point at.</param>
public sealed record ClientCompilation(ImmutableArray<Diagnostic> Diagnostics, byte[]? Image, string? XmlDocumentation, SyntaxTree Tree)
{
    /// <summary>One line per diagnostic with its id, position and message, then the offending source line.</summary>
    /// <returns>The description, or an empty string when there are no diagnostics.</returns>
    public string DescribeDiagnostics()
    {
        var text = Tree.GetText();
        return string.Concat(Diagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            var line = span.StartLinePosition.Line;
            var code = line < text.Lines.Count ? text.Lines[line].ToString().Trim() : string.Empty;
            return $"{d.Severity} {d.Id} at line {line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n    {code}\n";
        }));
    }
}
