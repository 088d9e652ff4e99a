using System.Text.RegularExpressions;

namespace KooDrive.Generated.Tests.Spec;

/// <summary>Keeps spec/ERRATA.md and the spec's x-koodrive-errata tags pointing at each other.</summary>
public partial class SpecErrataTests
{
    private static readonly string Errata = File.ReadAllText(RepoPaths.Errata);
    private static readonly string Spec = File.ReadAllText(RepoPaths.Spec);

    [Fact]
    public void Errata_entries_are_numbered_without_gaps()
    {
        var numbers = Entries().Select(e => int.Parse(e[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(numbers);
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
    }

    [Fact]
    public void Every_errata_tag_in_the_spec_names_an_entry()
    {
        var entries = Entries().ToHashSet();
        var unknown = Tags().Where(t => !entries.Contains(t)).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_entry_is_tagged_in_the_spec_or_declared_doc_only()
    {
        var docOnly = DocOnlyLine().Match(Errata).Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.TrimEnd('.')).ToHashSet();
        var tagged = Tags().ToHashSet();

        var untracked = Entries().Where(e => !tagged.Contains(e) && !docOnly.Contains(e)).ToList();
        var taggedYetDocOnly = docOnly.Where(tagged.Contains).ToList();
        Assert.True(untracked.Count == 0, $"entries neither tagged nor doc-only: {string.Join(", ", untracked)}");
        Assert.True(taggedYetDocOnly.Count == 0, $"entries tagged but listed as doc-only: {string.Join(", ", taggedYetDocOnly)}");
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
        Assert.Contains(quotedFromDocs, Errata, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Entries() => EntryRow().Matches(Errata).Select(m => m.Groups[1].Value);

    private static IEnumerable<string> Tags() =>
        TagList().Matches(Spec).SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"^\| (E\d+) \|", RegexOptions.Multiline)]
    private static partial Regex EntryRow();

    [GeneratedRegex(@"x-koodrive-errata: \[([^\]]*)\]")]
    private static partial Regex TagList();

    [GeneratedRegex(@"^Doc-only entries[^:]*: (.*)$", RegexOptions.Multiline)]
    private static partial Regex DocOnlyLine();
}
