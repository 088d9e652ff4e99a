using System.Reflection;
using KooDrive.ApiSurface.Generation;
using KooDrive.ApiSurface.Surface;
using KooDrive.ApiSurface.Versioning;

namespace KooDrive.ApiSurface;

/// <summary>
/// The command line: <c>dotnet run --project generator/KooDrive.ApiSurface -- &lt;command&gt;</c>.
/// </summary>
public static class Cli
{
    /// <summary>Exit code of a successful command (and of <c>diff</c> when the surfaces are equal).</summary>
    public const int Success = 0;

    /// <summary>Exit code of <c>diff</c> when the surfaces differ by additive changes only.</summary>
    public const int Different = 1;

    /// <summary>Exit code for bad arguments or unreadable input.</summary>
    public const int Failure = 2;

    /// <summary>Exit code of <c>diff</c> when at least one change is breaking.</summary>
    public const int Breaking = 3;

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
              listing (.snap/.txt). Prints -removed/+added lines, then each change labelled breaking or
              additive. Exit code 0 when equal, 1 when every change is additive, 3 when one is breaking.
          changelog [--write] [--version <x.y.z>] [--before <surface>] [--after <surface>] [--changelog <file>]
              Drafts the spec/CHANGELOG.md entry that records a surface change: Breaking and Added sections
              and the exact surface lines. Defaults: before = the surface recorded in the changelog, after =
              the committed snapshot (tests/KooDrive.Generated.Tests/PublicApi/__snapshots__), version = the
              increment the changes need. --write adds the entry to the changelog instead of printing it.
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
                    return await DiffAsync(await ReadSurfaceAsync(before).ConfigureAwait(false), await ReadSurfaceAsync(after).ConfigureAwait(false), output).ConfigureAwait(false);
                case ["changelog", .. var rest]:
                    return await ChangelogAsync(Options(rest, ["--write"], "--version", "--before", "--after", "--changelog"), output).ConfigureAwait(false);
                default:
                    await error.WriteLineAsync(Usage).ConfigureAwait(false);
                    return Failure;
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException or FormatException)
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

    /// <summary>The committed public API snapshot of KooDrive.Generated, relative to the repository root.</summary>
    public const string SnapshotPath = "tests/KooDrive.Generated.Tests/PublicApi/__snapshots__/KooDrive.Generated.snap";

    /// <summary>The changelog, relative to the repository root.</summary>
    public const string ChangelogPath = "spec/CHANGELOG.md";

    private static async Task<int> DiffAsync(IReadOnlyList<string> before, IReadOnlyList<string> after, TextWriter output)
    {
        var diff = SurfaceDiff.Compare(before, after);
        if (diff.IsEmpty)
        {
            return Success;
        }

        var changes = SurfaceClassifier.Classify(before, after);
        await output.WriteAsync(diff.ToDiffText()).ConfigureAwait(false);
        await output.WriteAsync("\n" + string.Concat(changes.Select(c => c + "\n"))).ConfigureAwait(false);
        return changes.Any(c => c.Kind == ChangeKind.Breaking) ? Breaking : Different;
    }

    private static async Task<int> ChangelogAsync(Dictionary<string, string> options, TextWriter output)
    {
        var path = options.GetValueOrDefault("--changelog") ?? FromRepository(ChangelogPath);
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path).ConfigureAwait(false) : string.Empty;
        var changelog = Changelog.Parse(text);
        var write = options.ContainsKey("--write");
        if (write && options.ContainsKey("--before"))
        {
            throw new ArgumentException("--write records against the surface the changelog already holds; leave out --before.", nameof(options));
        }

        var before = options.TryGetValue("--before", out var b) ? await ReadSurfaceAsync(b).ConfigureAwait(false) : changelog.Surface();
        var after = await ReadSurfaceAsync(options.GetValueOrDefault("--after") ?? FromRepository(SnapshotPath)).ConfigureAwait(false);
        var changes = SurfaceClassifier.Classify(before, after);
        if (changes.Count == 0)
        {
            await output.WriteLineAsync($"No public API change since {changelog.Version?.ToString() ?? "nothing"}: nothing to record.").ConfigureAwait(false);
            return Success;
        }

        var level = before.Count == 0 ? ChangeKind.Additive : Changelog.Severity(changes);
        var required = changelog.Version?.Next(level) ?? new SemanticVersion(0, 1, 0);
        var version = required;
        if (options.TryGetValue("--version", out var requested))
        {
            version = SemanticVersion.TryParse(requested, out var parsed)
                ? parsed
                : throw new ArgumentException($"--version '{requested}' is not major.minor.patch.", nameof(options));
            if (version < required)
            {
                throw new ArgumentException($"--version {version} is too low: these changes need at least {required}.", nameof(options));
            }
        }

        var entry = Changelog.DraftEntry(version, before, after);
        if (!write)
        {
            await output.WriteAsync(entry).ConfigureAwait(false);
            return Success;
        }

        await File.WriteAllTextAsync(path, Changelog.Insert(text, entry)).ConfigureAwait(false);
        await output.WriteAsync($"Recorded {version} in {path}:\n\n{Changelog.DraftEntry(version, before, after, withLines: false)}").ConfigureAwait(false);
        return Success;
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

    private static Dictionary<string, string> Options(string[] args, params string[] allowed) => Options(args, [], allowed);

    private static Dictionary<string, string> Options(string[] args, string[] flags, params string[] allowed)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (flags.Contains(args[i]))
            {
                options[args[i]] = "true";
                continue;
            }

            if (!allowed.Contains(args[i]))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.", nameof(args));
            }

            options[args[i]] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.", nameof(args));
        }

        return options;
    }

    private static string DefaultNSwagConfig => FromRepository("generator/nswag.json", "pass --nswag <path>");

    // Baked in at build time (like the tests' RepoPaths), so `dotnet run` works from any directory.
    private static string FromRepository(string relative, string? otherwise = null)
    {
        var root = typeof(Cli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "KooDriveRepoRoot")?.Value;
        var path = root is null ? null : Path.Combine(root, relative);
        return path is not null && (File.Exists(path) || otherwise is null)
            ? path
            : throw new InvalidOperationException($"{relative} was not found{(otherwise is null ? string.Empty : "; " + otherwise)}.");
    }
}
