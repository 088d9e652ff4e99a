using System.Text.RegularExpressions;
using KooDrive.DocSync;
using KooDrive.DocSync.Errata;
using KooDrive.DocSync.Pages;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Spec;

/// <summary>
/// Keeps spec/ERRATA.md, the spec's x-koodrive-errata tags, the page lines the entries cite and the tests
/// they name pointing at each other. The entry format is described at the top of ERRATA.md.
/// </summary>
public partial class SpecErrataTests
{
    private static readonly string ErrataText = File.ReadAllText(RepoPaths.Errata);
    private static readonly string Spec = File.ReadAllText(RepoPaths.Spec);
    private static readonly ErrataBook Book = ErrataBook.Parse(ErrataText);

    public static TheoryData<string> EntryIds => [.. Book.Entries.Select(e => e.Id)];

    [Fact]
    public void Errata_entries_are_numbered_without_gaps()
    {
        foreach (var series in new[] { "E", "D" })
        {
            var numbers = Book.Entries.Where(e => e.Id.StartsWith(series, StringComparison.Ordinal))
                .Select(e => int.Parse(e.Id[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.NotEmpty(numbers);
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        }
    }

    [Fact]
    public void Every_errata_tag_in_the_spec_names_an_entry()
    {
        var entries = Book.Entries.Select(e => e.Id).ToHashSet();
        var unknown = Tags().Where(t => !entries.Contains(t)).ToList();
        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Each_entry_is_tagged_in_the_spec_exactly_when_it_says_so(string id)
    {
        var entry = Book.Entries.Single(e => e.Id == id);
        Assert.True(
            entry.SpecTagged == Tags().Contains(id),
            entry.SpecTagged ? $"{id} says the spec tags it, but no element carries x-koodrive-errata: [{id}]" : $"{id} says doc-only, but the spec tags it");
    }

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Each_entry_cites_page_lines_that_exist(string id)
    {
        var entry = Book.Entries.Single(e => e.Id == id);
        Assert.NotEmpty(entry.Citations);
        foreach (var citation in entry.Citations)
        {
            var match = Citation().Match(citation);
            Assert.True(match.Success, $"{id}: '{citation}' is not spec/docs/<file>:<line>");
            var file = Path.Combine(RepoPaths.Root, match.Groups[1].Value);
            Assert.True(File.Exists(file), $"{id}: {match.Groups[1].Value} does not exist");
            var line = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var lines = File.ReadAllLines(file);
            Assert.True(line >= 1 && line <= lines.Length && lines[line - 1].Trim().Length > 0, $"{id}: {citation} is not a line with text");
        }
    }

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Each_entry_names_tests_that_exist(string id)
    {
        var entry = Book.Entries.Single(e => e.Id == id);
        Assert.NotEmpty(entry.Tests);
        foreach (var test in entry.Tests)
        {
            var parts = test.Split('.');
            Assert.True(parts.Length == 2, $"{id}: '{test}' is not TestClass.TestMethod");
            var method = new Regex($@"public (?:async )?(?:void|Task) {Regex.Escape(parts[1])}\(", RegexOptions.None, TimeSpan.FromSeconds(1));
            var declared = TestSources.Value.Any(source =>
                source.Contains($"class {parts[0]}", StringComparison.Ordinal) && method.IsMatch(source));
            Assert.True(declared, $"{id}: no test method {test} in tests/");
        }
    }

    [Fact]
    public void Every_acknowledgement_decides_a_difference_of_the_committed_pages()
    {
        var pages = DocSyncChecker.ExpandPages([Path.Combine(RepoPaths.Root, "spec", "docs")]).Select(PageReader.ReadFile);
        var differences = DocSyncChecker.Check(pages, SpecDocument.Document, ErrataBook.Empty).Differences;

        var stale = Book.Acknowledgements.Where(a => !differences.Any(a.Matches)).ToList();
        Assert.True(stale.Count == 0, "acknowledgements that match no difference (remove them): " + string.Join("; ", stale));
    }

    [Theory]
    [InlineData("failedScopeList")]
    [InlineData("VW5TYWZlSW50ZWdlcg==")]
    [InlineData("yyyMMdd")]
    [InlineData("yyyyMMDD")]
    [InlineData("bearer+access token")]
    [InlineData("IDs of albums to be deleted")]
    [InlineData("58 bits")]
    [InlineData("cannot be empty at the same time")]
    public void Contradictions_known_from_the_design_card_are_decided(string quotedFromDocs)
    {
        Assert.Contains(quotedFromDocs, ErrataText, StringComparison.Ordinal);
    }

    private static readonly Lazy<string[]> TestSources = new(() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)]);

    private static IEnumerable<string> Tags() =>
        TagList().Matches(Spec).SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"x-koodrive-errata: \[([^\]]*)\]")]
    private static partial Regex TagList();

    [GeneratedRegex(@"^(spec/docs/[^:]+):(\d+)$")]
    private static partial Regex Citation();
}
