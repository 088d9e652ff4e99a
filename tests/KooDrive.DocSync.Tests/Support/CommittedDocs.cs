using KooDrive.DocSync;
using KooDrive.DocSync.Errata;
using KooDrive.DocSync.Pages;
using Microsoft.OpenApi;

namespace KooDrive.DocSync.Tests.Support;

/// <summary>The committed pages, spec and errata, read once; pages are mutated in memory from their text.</summary>
internal static class CommittedDocs
{
    public static string PagesFolder => Path.Combine(RepoPaths.Root, "spec", "docs");

    public static IReadOnlyList<string> PageFiles { get; } = DocSyncChecker.ExpandPages([PagesFolder]);

    public static string SpecText { get; } = File.ReadAllText(RepoPaths.Spec);

    public static OpenApiDocument CommittedSpec { get; } = DocSyncChecker.LoadSpec(SpecText);

    public static ErrataBook CommittedErrata { get; } = ErrataBook.Load(RepoPaths.Errata);

    /// <summary>The text of the committed page <paramref name="name"/> (file name, e.g. "add-backup-scopes.txt").</summary>
    public static string PageText(string name) => File.ReadAllText(PageFile(name));

    public static string PageFile(string name) => PageFiles.Single(p => Path.GetFileName(p) == name);

    /// <summary>Reads page text as if it were the committed page <paramref name="name"/>.</summary>
    public static DocPage Page(string name, string text) => PageReader.Read(text, $"spec/docs/(mutated)/{name}");

    public static CheckResult CheckPage(DocPage page, OpenApiDocument? spec = null) =>
        DocSyncChecker.Check([page], spec ?? CommittedSpec, CommittedErrata);

    /// <summary>Replaces exactly one occurrence, so a mutation cannot silently miss or hit twice.</summary>
    public static string ReplaceOnce(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the page");
        Assert.True(text.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"'{find}' is in the page more than once");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
