using KooDrive.DocSync.Errata;
using KooDrive.DocSync.Facts;
using KooDrive.DocSync.Pages;
using KooDrive.DocSync.Spec;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace KooDrive.DocSync;

/// <summary>The result of checking pages against the spec.</summary>
/// <param name="Differences">Every difference, acknowledged or not, in page order.</param>
/// <param name="UnknownPages">Pages whose operation (method and path) the spec lacks.</param>
public sealed record CheckResult(IReadOnlyList<Difference> Differences, IReadOnlyList<DocPage> UnknownPages)
{
    /// <summary>The differences no errata entry acknowledges.</summary>
    public IEnumerable<Difference> Unacknowledged => Differences.Where(d => !d.IsAcknowledged);

    /// <summary>Whether everything matches or is acknowledged (and every page's operation is in the spec).</summary>
    public bool Passed => !Unacknowledged.Any();
}

/// <summary>The doc-sync entry points: load inputs, check pages against the spec, expand page arguments.</summary>
public static class DocSyncChecker
{
    /// <summary>Loads an OpenAPI document (YAML or JSON) from text.</summary>
    /// <param name="text">The document.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InvalidOperationException">The text is not an OpenAPI document.</exception>
    public static OpenApiDocument LoadSpec(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var settings = new OpenApiReaderSettings();
        settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var result = OpenApiDocument.LoadAsync(stream, OpenApiConstants.Yaml, settings).GetAwaiter().GetResult();
        if (result.Document is null || result.Diagnostic?.Errors.Count > 0)
        {
            var errors = string.Join("; ", result.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []);
            throw new InvalidOperationException($"The spec did not load: {errors}");
        }

        return result.Document;
    }

    /// <summary>Loads the OpenAPI document at <paramref name="path"/>.</summary>
    /// <param name="path">The spec file.</param>
    /// <returns>The document.</returns>
    public static OpenApiDocument LoadSpecFile(string path) => LoadSpec(File.ReadAllText(path));

    /// <summary>The page files named by <paramref name="arguments"/>: files as given, folders as their <c>*.txt</c> files (sorted, recursively).</summary>
    /// <param name="arguments">Files and folders.</param>
    /// <returns>Page file paths, with <c>/</c> separators.</returns>
    /// <exception cref="FileNotFoundException">An argument is neither a file nor a folder.</exception>
    public static IReadOnlyList<string> ExpandPages(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var pages = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                pages.AddRange(Directory.EnumerateFiles(argument, "*.txt", SearchOption.AllDirectories)
                    .Select(p => p.Replace('\\', '/').Replace("//", "/", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(argument))
            {
                pages.Add(argument.Replace('\\', '/'));
            }
            else
            {
                throw new FileNotFoundException($"No page file or folder '{argument}'.", argument);
            }
        }

        return pages;
    }

    /// <summary>Compares each page with the spec and matches the differences with the errata.</summary>
    /// <param name="pages">The pages.</param>
    /// <param name="spec">The spec.</param>
    /// <param name="errata">The errata; <see cref="ErrataBook.Empty"/> acknowledges nothing.</param>
    /// <returns>The differences.</returns>
    public static CheckResult Check(IEnumerable<DocPage> pages, OpenApiDocument spec, ErrataBook errata)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(errata);
        var differences = new List<Difference>();
        var unknown = new List<DocPage>();
        foreach (var page in pages)
        {
            var found = Compare(page, spec);
            if (found is null)
            {
                unknown.Add(page);
                found = [new Difference(page.Source, page.UriLine, new FactKey($"{page.Method} {page.Path}", "operation", "-", "exists"), "yes", FactValues.None, null)];
            }

            differences.AddRange(found.Select(d => d with { Erratum = errata.Acknowledge(d)?.Entry }));
        }

        return new CheckResult(differences, unknown);
    }

    /// <summary>The differences between one page and its operation in the spec, unacknowledged.</summary>
    /// <param name="page">The page.</param>
    /// <param name="spec">The spec.</param>
    /// <returns>The differences, or <see langword="null"/> when the spec lacks the page's operation.</returns>
    public static IReadOnlyList<Difference>? Compare(DocPage page, OpenApiDocument spec)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(spec);
        if (SpecFacts.Find(spec, page.Method, page.Path) is not var (item, op))
        {
            return null;
        }

        var specFacts = SpecFacts.Read(spec, item, op);
        var pageFacts = PageFacts.Read(page, op.OperationId ?? "(no operationId)");
        var differences = new List<Difference>();
        foreach (var fact in pageFacts)
        {
            var specValue = specFacts.GetValueOrDefault(fact.Key, FactValues.None);
            if (!Same(fact.Key, fact.Value, specValue))
            {
                differences.Add(new Difference(page.Source, fact.Line, fact.Key, fact.Value, specValue, null));
            }
        }

        var stated = pageFacts.Select(f => f.Key).ToHashSet();
        foreach (var (key, value) in specFacts.Where(f => !stated.Contains(f.Key) && f.Value != FactValues.None))
        {
            differences.Add(new Difference(page.Source, page.UriLine, key, FactValues.None, value, null));
        }

        return differences;
    }

    private static bool Same(FactKey key, string pageValue, string specValue) => key.Aspect switch
    {
        // A shared parameter lists the example of every page that uses it.
        "example" => specValue.Split(SpecFacts.AlternativeSeparator).Contains(pageValue, StringComparer.Ordinal),
        _ => pageValue == specValue,
    };
}
