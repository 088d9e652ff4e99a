using System.Reflection;
using KooDrive.DocSync.Errata;
using KooDrive.DocSync.Pages;
using KooDrive.DocSync.Propose;

namespace KooDrive.DocSync.CommandLine;

/// <summary>
/// The command line: <c>dotnet run --project generator/KooDrive.DocSync -- check|propose ...</c>. The work is
/// done by KooDrive.DocSync.Core, which the tests call in-process.
/// </summary>
public static class DocSyncCli
{
    /// <summary>Exit code when every page matches the spec or its differences are acknowledged.</summary>
    public const int Success = 0;

    /// <summary>Exit code when a difference is not acknowledged by the errata, or a page's operation is not in the spec.</summary>
    public const int Different = 1;

    /// <summary>Exit code for bad arguments or unreadable input.</summary>
    public const int Failure = 2;

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Compares KooDrive doc pages with spec/openapi.yaml.

        Usage:
          check [--spec <openapi.yaml>] [--errata <ERRATA.md>] <page or folder>...
              Prints one line per difference between each page and its operation in the spec
              (page:line: operation location field aspect: page value, spec value), and whether an
              errata entry acknowledges it. Exit code 1 when a difference is not acknowledged or a
              page's operation is not in the spec. A folder means every *.txt page under it.
          propose [--spec <openapi.yaml>] <page>
              Prints an OpenAPI fragment (paths and components) for the page's operation, to paste
              into the spec and review.

        Defaults: spec/openapi.yaml and spec/ERRATA.md of the repository the tool was built in.
        """;

    /// <summary>Runs one command.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors and usage go.</param>
    /// <returns>The process exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var (options, rest) = Options(args.Skip(1).ToArray());
            switch (args.FirstOrDefault())
            {
                case "check" when rest.Count > 0:
                    return Check(rest, options, output);
                case "propose" when rest.Count == 1:
                    var spec = DocSyncChecker.LoadSpecFile(options.GetValueOrDefault("--spec") ?? RepoFile("spec", "openapi.yaml"));
                    output.Write(FragmentWriter.Write(PageReader.ReadFile(rest[0]), spec));
                    return Success;
                default:
                    error.WriteLine(Usage);
                    return Failure;
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or FormatException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {ex.Message}");
            return Failure;
        }
    }

    private static int Check(List<string> arguments, Dictionary<string, string> options, TextWriter output)
    {
        var spec = DocSyncChecker.LoadSpecFile(options.GetValueOrDefault("--spec") ?? RepoFile("spec", "openapi.yaml"));
        var errata = ErrataBook.Load(options.GetValueOrDefault("--errata") ?? RepoFile("spec", "ERRATA.md"));
        var pages = DocSyncChecker.ExpandPages(arguments).Select(PageReader.ReadFile).ToList();
        var result = DocSyncChecker.Check(pages, spec, errata);

        foreach (var difference in result.Differences)
        {
            output.WriteLine(difference);
        }

        foreach (var page in result.UnknownPages)
        {
            output.WriteLine($"{page.Source}:{page.UriLine}: {page.Method} {page.Path} (\"{page.Title}\") is not an operation of the spec; `propose {page.Source}` prints a fragment for it.");
        }

        var open = result.Unacknowledged.Where(d => d.Key.Aspect != "exists").ToList();
        if (open.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Fix the spec, or, if the page is wrong and the spec is right, decide it in spec/ERRATA.md: add these lines under the entry's Acknowledges field:");
            foreach (var difference in open)
            {
                output.WriteLine(difference.ToAcknowledgement());
            }
        }

        var acknowledged = result.Differences.Count(d => d.IsAcknowledged);
        output.WriteLine();
        output.WriteLine($"{pages.Count} page(s), {result.Differences.Count} difference(s): {acknowledged} acknowledged by the errata, {result.Differences.Count - acknowledged} not.");
        return result.Passed ? Success : Different;
    }

    private static (Dictionary<string, string> Named, List<string> Positional) Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--spec" or "--errata")
            {
                options[args[i]] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.", nameof(args));
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unknown option '{args[i]}'.", nameof(args));
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (options, rest);
    }

    private static string RepoFile(params string[] parts)
    {
        // Baked in at build time, so `dotnet run` works from any directory.
        var root = typeof(DocSyncCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "KooDriveRepoRoot")?.Value;
        var path = root is null ? null : Path.Combine([root, .. parts]);
        return path is not null && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{string.Join('/', parts)} was not found; pass it explicitly.");
    }
}
