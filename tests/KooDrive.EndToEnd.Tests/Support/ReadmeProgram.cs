using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KooDrive.EndToEnd.Tests.Support;

/// <summary>
/// A C# code block of a README, compiled with Roslyn as a console program against the assemblies this
/// test runs with (the built KooDrive.Generated among them), and run as a separate process.
/// </summary>
internal sealed partial class ReadmeProgram : IDisposable
{
    // What `dotnet new console` puts in scope; a README block may rely on it, like the reader's project does.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private ReadmeProgram(string directory, IReadOnlyList<Diagnostic> diagnostics)
    {
        Directory = directory;
        Diagnostics = diagnostics;
    }

    public string Directory { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public static IReadOnlyList<string> CSharpBlocks(string markdown) =>
        [.. CSharpBlock().Matches(markdown.ReplaceLineEndings("\n")).Select(m => m.Groups["code"].Value)];

    /// <summary>The C# blocks of the section under the level-2 heading <paramref name="heading"/>.</summary>
    public static IReadOnlyList<string> CSharpBlocks(string markdown, string heading)
    {
        var text = markdown.ReplaceLineEndings("\n");
        var start = text.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var end = text.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return CSharpBlocks(end < 0 ? text[start..] : text[start..end]);
    }

    public static ReadmeProgram Compile(string code, string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), "koodrive-readme-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(code, parse, path: "README.md"), CSharpSyntaxTree.ParseText(ImplicitUsings, parse)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using (var output = File.Create(Path.Combine(directory, name + ".dll")))
        {
            var result = compilation.Emit(output);
            var diagnostics = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            if (!result.Success)
            {
                return new ReadmeProgram(directory, diagnostics);
            }
        }

        // A framework-dependent app without deps.json loads the assemblies beside it.
        foreach (var assembly in System.IO.Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        {
            File.Copy(assembly, Path.Combine(directory, Path.GetFileName(assembly)), overwrite: false);
        }

        File.WriteAllText(
            Path.Combine(directory, name + ".runtimeconfig.json"),
            System.Text.Json.JsonSerializer.Serialize(new
            {
                runtimeOptions = new
                {
                    tfm = "net10.0",
                    framework = new { name = "Microsoft.NETCore.App", version = $"{Environment.Version.Major}.{Environment.Version.Minor}.0" },
                },
            }));
        return new ReadmeProgram(directory, [.. compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)]);
    }

    /// <summary>Runs the compiled program; one still running after a minute is killed and fails the test with a <see cref="TimeoutException"/>.</summary>
    public ChildProcess.Result Run(string name, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Directory };
        start.ArgumentList.Add(Path.Combine(Directory, name + ".dll"));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return ChildProcess.Run(start, RunTimeout);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing Dispose would hide the real test result.
        }
    }

    [GeneratedRegex("^```csharp\\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();
}
