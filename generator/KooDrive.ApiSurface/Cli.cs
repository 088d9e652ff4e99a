using System.Reflection;
using KooDrive.ApiSurface.Generation;
using KooDrive.ApiSurface.Surface;

namespace KooDrive.ApiSurface;

/// <summary>
/// The command line: <c>dotnet run --project generator/KooDrive.ApiSurface -- &lt;command&gt;</c>.
/// </summary>
public static class Cli
{
    /// <summary>Exit code of a successful command (and of <c>diff</c> when the surfaces are equal).</summary>
    public const int Success = 0;

    /// <summary>Exit code of <c>diff</c> when the surfaces differ.</summary>
    public const int Different = 1;

    /// <summary>Exit code for bad arguments or unreadable input.</summary>
    public const int Failure = 2;

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Prints the public API surface of the KooDrive SDK, one line per type or member.

        Usage:
          surface <assembly.dll> [--output <file>]
              The surface of a built assembly (dependencies are read from its folder).
          spec-surface <openapi.yaml> [--nswag <nswag.json>] [--output <file>]
              Generates the client from a spec in-process (same NSwag and settings as the build),
              compiles it with Roslyn and prints the surface of the generated code alone.
          diff <before> <after>
              Compares two surfaces; each side is an assembly (.dll), a spec (.yaml/.yml/.json) or a
              listing (.snap/.txt). Prints -removed/+added lines; exit code 1 when they differ.
        """;

    /// <summary>Runs one command.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors and usage go.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        try
        {
            switch (args)
            {
                case ["surface", var assembly, .. var rest]:
                    var surfaceOptions = Options(rest, "--output");
                    return await WriteAsync(PublicApiPrinter.PrintText(AssemblyLoader.LoadFile(assembly)), surfaceOptions, output).ConfigureAwait(false);
                case ["spec-surface", var spec, .. var rest]:
                    var specOptions = Options(rest, "--output", "--nswag");
                    var listing = PublicApiPrinter.ToText(await SpecSurfaceAsync(spec, specOptions.GetValueOrDefault("--nswag")).ConfigureAwait(false));
                    return await WriteAsync(listing, specOptions, output).ConfigureAwait(false);
                case ["diff", var before, var after]:
                    var diff = SurfaceDiff.Compare(await ReadSurfaceAsync(before).ConfigureAwait(false), await ReadSurfaceAsync(after).ConfigureAwait(false));
                    await output.WriteAsync(diff.ToDiffText()).ConfigureAwait(false);
                    return diff.IsEmpty ? Success : Different;
                default:
                    await error.WriteLineAsync(Usage).ConfigureAwait(false);
                    return Failure;
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return Failure;
        }
    }

    /// <summary>Generates, compiles and prints the surface of the client for <paramref name="specPath"/>.</summary>
    /// <param name="specPath">The OpenAPI document.</param>
    /// <param name="nswagConfigPath">The NSwag configuration; <c>generator/nswag.json</c> of this repository when <see langword="null"/>.</param>
    /// <returns>The listing lines.</returns>
    /// <exception cref="InvalidOperationException">The generated code does not compile.</exception>
    public static async Task<IReadOnlyList<string>> SpecSurfaceAsync(string specPath, string? nswagConfigPath = null)
    {
        var source = await NSwagClientGenerator.GenerateAsync(nswagConfigPath ?? DefaultNSwagConfig, specPath).ConfigureAwait(false);
        return PublicApiPrinter.Print(ClientCompiler.LoadAssembly(ClientCompiler.Compile(source)));
    }

    private static async Task<IReadOnlyList<string>> ReadSurfaceAsync(string path) =>
        Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".DLL" or ".EXE" => PublicApiPrinter.Print(AssemblyLoader.LoadFile(path)),
            ".YAML" or ".YML" or ".JSON" => await SpecSurfaceAsync(path).ConfigureAwait(false),
            _ => PublicApiPrinter.FromText(await File.ReadAllTextAsync(path).ConfigureAwait(false)),
        };

    private static async Task<int> WriteAsync(string listing, Dictionary<string, string> options, TextWriter output)
    {
        if (options.TryGetValue("--output", out var file))
        {
            await File.WriteAllTextAsync(file, listing).ConfigureAwait(false);
        }
        else
        {
            await output.WriteAsync(listing).ConfigureAwait(false);
        }

        return Success;
    }

    private static Dictionary<string, string> Options(string[] args, params string[] allowed)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!allowed.Contains(args[i]))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.", nameof(args));
            }

            options[args[i]] = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.", nameof(args));
        }

        return options;
    }

    private static string DefaultNSwagConfig
    {
        get
        {
            // Baked in at build time (like the tests' RepoPaths), so `dotnet run` works from any directory.
            var root = typeof(Cli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "KooDriveRepoRoot")?.Value;
            var config = root is null ? null : Path.Combine(root, "generator", "nswag.json");
            return config is not null && File.Exists(config)
                ? config
                : throw new InvalidOperationException("generator/nswag.json was not found; pass --nswag <path>.");
        }
    }
}
