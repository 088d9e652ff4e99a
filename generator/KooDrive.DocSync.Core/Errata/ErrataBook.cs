using System.Text.RegularExpressions;
using KooDrive.DocSync.Facts;

namespace KooDrive.DocSync.Errata;

/// <summary>
/// One acknowledged difference of an errata entry:
/// <c>- `&lt;operation&gt; &lt;location&gt; &lt;field&gt; &lt;aspect&gt;` page `&lt;value&gt;` spec `&lt;value&gt;`</c>.
/// <c>*</c> as the operation or the field matches any; without <c>spec `…`</c> any spec value matches.
/// </summary>
/// <param name="Entry">The entry's ID (E3, D7).</param>
/// <param name="Key">The fact, possibly with <c>*</c> parts.</param>
/// <param name="PageValue">The page's value that is acknowledged.</param>
/// <param name="SpecValue">The spec's value, or <see langword="null"/> for any.</param>
/// <param name="Line">The line in the errata file.</param>
public sealed record Acknowledgement(string Entry, FactKey Key, string PageValue, string? SpecValue, int Line)
{
    /// <summary>Whether this acknowledges <paramref name="difference"/>.</summary>
    /// <param name="difference">A difference found by the check.</param>
    /// <returns><see langword="true"/> when key, page value and (if given) spec value match.</returns>
    public bool Matches(Difference difference)
    {
        ArgumentNullException.ThrowIfNull(difference);
        var key = difference.Key;
        return (Key.Operation == "*" || Key.Operation == key.Operation)
            && Key.Location == key.Location
            && (Key.Field == "*" || Key.Field == key.Field)
            && Key.Aspect == key.Aspect
            && PageValue == difference.PageValue
            && (SpecValue is null || SpecValue == difference.SpecValue);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Entry} (line {Line}): `{Key}` page `{PageValue}`" + (SpecValue is null ? "" : $" spec `{SpecValue}`");
}

/// <summary>An entry of spec/ERRATA.md.</summary>
/// <param name="Id">E1, E2 … (contradictions) or D1, D2 … (decisions on what the docs leave open).</param>
/// <param name="Title">The heading text after the ID.</param>
/// <param name="Line">The heading's line.</param>
/// <param name="Citations">The <c>Page:</c> citations, <c>path:line</c>.</param>
/// <param name="Tests">The <c>Tests:</c> names, <c>Class.Method</c>.</param>
/// <param name="SpecTagged">Whether the <c>Spec:</c> field says the spec tags it (<c>x-koodrive-errata</c>), rather than <c>doc-only</c>.</param>
/// <param name="Acknowledgements">The differences it acknowledges.</param>
public sealed record ErrataEntry(
    string Id,
    string Title,
    int Line,
    IReadOnlyList<string> Citations,
    IReadOnlyList<string> Tests,
    bool SpecTagged,
    IReadOnlyList<Acknowledgement> Acknowledgements);

/// <summary>The entries of spec/ERRATA.md, read in the format its "Entry format" section describes.</summary>
public sealed partial class ErrataBook
{
    private ErrataBook(IReadOnlyList<ErrataEntry> entries) => Entries = entries;

    /// <summary>An empty book: nothing is acknowledged.</summary>
    public static ErrataBook Empty { get; } = new([]);

    /// <summary>The entries, in file order.</summary>
    public IReadOnlyList<ErrataEntry> Entries { get; }

    /// <summary>Every acknowledgement of every entry.</summary>
    public IEnumerable<Acknowledgement> Acknowledgements => Entries.SelectMany(e => e.Acknowledgements);

    /// <summary>Reads the errata file.</summary>
    /// <param name="path">spec/ERRATA.md.</param>
    /// <returns>The book.</returns>
    public static ErrataBook Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Reads errata text.</summary>
    /// <param name="text">The markdown.</param>
    /// <returns>The book.</returns>
    public static ErrataBook Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<ErrataEntry>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var heading = EntryHeading().Match(lines[i]);
            if (!heading.Success)
            {
                continue;
            }

            var citations = new List<string>();
            var tests = new List<string>();
            var acks = new List<Acknowledgement>();
            var tagged = false;
            var id = heading.Groups[1].Value;
            var j = i + 1;
            for (; j < lines.Length && !lines[j].StartsWith('#'); j++)
            {
                var field = Field().Match(lines[j]);
                if (field.Success)
                {
                    var ticks = Ticked().Matches(field.Groups[2].Value).Select(m => m.Groups[1].Value).ToList();
                    switch (field.Groups[1].Value)
                    {
                        case "Page" or "Source":
                            citations.AddRange(ticks);
                            break;
                        case "Tests":
                            tests.AddRange(ticks);
                            break;
                        case "Spec":
                            tagged = field.Groups[2].Value.Contains("x-koodrive-errata", StringComparison.Ordinal);
                            break;
                    }
                }
                else if (Ack().Match(lines[j]) is { Success: true } ack)
                {
                    var parts = ack.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length != 4)
                    {
                        throw new FormatException($"ERRATA.md line {j + 1}: an acknowledgement names `<operation> <location> <field> <aspect>`, got `{ack.Groups[1].Value}`.");
                    }

                    acks.Add(new Acknowledgement(
                        id,
                        new FactKey(parts[0], parts[1], parts[2], parts[3]),
                        ack.Groups[2].Value,
                        ack.Groups[3].Success ? ack.Groups[3].Value : null,
                        j + 1));
                }
            }

            entries.Add(new ErrataEntry(id, heading.Groups[2].Value.Trim(), i + 1, citations, tests, tagged, acks));
            i = j - 1;
        }

        return new ErrataBook(entries);
    }

    /// <summary>The entry that acknowledges <paramref name="difference"/>, if any.</summary>
    /// <param name="difference">A difference.</param>
    /// <returns>The acknowledgement, or <see langword="null"/>.</returns>
    public Acknowledgement? Acknowledge(Difference difference) => Acknowledgements.FirstOrDefault(a => a.Matches(difference));

    [GeneratedRegex(@"^### ([ED]\d+)\.?\s+(.*)$")]
    private static partial Regex EntryHeading();

    [GeneratedRegex(@"^- \*\*(Page|Source|Tests|Spec|Docs say|Decision|Acknowledges):\*\*\s*(.*)$")]
    private static partial Regex Field();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Ticked();

    [GeneratedRegex(@"^\s+- `([^`]+)` page `([^`]*)`(?: spec `([^`]*)`)?\s*$")]
    private static partial Regex Ack();
}
