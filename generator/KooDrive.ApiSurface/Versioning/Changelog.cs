using System.Text;
using KooDrive.ApiSurface.Surface;

namespace KooDrive.ApiSurface.Versioning;

/// <summary>
/// <c>spec/CHANGELOG.md</c>: one entry per recorded version, newest first. Each entry has prose for readers
/// (Breaking and Added bullets) and a <c>```diff</c> block with the exact surface lines it removed and added.
/// The blocks, replayed from the oldest entry, give the surface recorded for the newest version: the baseline
/// that the committed snapshot is checked against.
/// </summary>
public sealed class Changelog
{
    /// <summary>The text a new changelog starts with.</summary>
    public const string Header = """
        # Changelog

        The public API of the KooDrive.Generated package, one entry per recorded version, newest first.

        Versions follow semantic versioning. From 1.0, a breaking change takes a new major version and an
        additive change a new minor version; while the major version is 0, a breaking change takes a new minor
        version and an additive change a new patch version. Entries are drafted by
        `dotnet run --project generator/KooDrive.ApiSurface -- changelog --write` from the difference between the
        committed public API snapshot and the surface recorded here. The `diff` blocks are that record: edit the
        prose freely, never the blocks. CONTRIBUTING.md, "Versions and releases", says how versions are released.

        """;

    private const string DiffFence = "```diff";
    private const string Fence = "```";

    private Changelog(IReadOnlyList<ChangelogEntry> entries) => Entries = entries;

    /// <summary>The entries, newest first.</summary>
    public IReadOnlyList<ChangelogEntry> Entries { get; }

    /// <summary>The newest recorded version, or <see langword="null"/> when nothing is recorded yet.</summary>
    public SemanticVersion? Version => Entries.Count == 0 ? null : Entries[0].Version;

    /// <summary>Reads a changelog.</summary>
    /// <param name="text">The Markdown text; empty for a repository without a changelog.</param>
    /// <returns>The changelog.</returns>
    /// <exception cref="FormatException">A version heading is not <c>## major.minor.patch</c>, or a diff block is not closed.</exception>
    public static Changelog Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<ChangelogEntry>();
        SemanticVersion? version = null;
        var lines = new List<string>();
        var inDiff = false;
        foreach (var raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (inDiff)
            {
                if (line.StartsWith(Fence, StringComparison.Ordinal))
                {
                    inDiff = false;
                }
                else if (line.StartsWith('+') || line.StartsWith('-'))
                {
                    lines.Add(line);
                }

                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                var heading = line[3..].Trim().Split(' ')[0].TrimStart('[').TrimEnd(']');
                version = SemanticVersion.TryParse(heading, out var parsed)
                    ? parsed
                    : throw new FormatException($"Changelog heading '{line}' does not start with a version major.minor.patch.");
            }
            else if (line.Trim() == DiffFence)
            {
                inDiff = version is not null
                    ? true
                    : throw new FormatException("Changelog has a diff block before its first version heading.");
            }
        }

        if (inDiff)
        {
            throw new FormatException($"Changelog entry {version} has a diff block that is never closed.");
        }

        Flush();
        return new Changelog(entries);

        void Flush()
        {
            if (version is { } v)
            {
                entries.Add(new ChangelogEntry(v, lines.ToList()));
            }

            lines.Clear();
        }
    }

    /// <summary>The surface recorded up to and including <paramref name="count"/> oldest entries.</summary>
    /// <param name="count">How many entries, oldest first; all of them when <see langword="null"/>.</param>
    /// <returns>The listing lines, sorted.</returns>
    /// <exception cref="FormatException">An entry removes a line that no earlier entry added.</exception>
    public IReadOnlyList<string> Surface(int? count = null)
    {
        var surface = new List<string>();
        foreach (var entry in Entries.Reverse().Take(count ?? Entries.Count))
        {
            foreach (var line in entry.Lines.Where(l => l[0] == '-'))
            {
                if (!surface.Remove(line[1..]))
                {
                    throw new FormatException($"Changelog entry {entry.Version} removes a surface line that no earlier entry added: {line[1..]}");
                }
            }

            surface.AddRange(entry.Lines.Where(l => l[0] == '+').Select(l => l[1..]));
        }

        surface.Sort(StringComparer.Ordinal);
        return surface;
    }

    /// <summary>
    /// Checks that every entry's version is at least what its own changes require over the entry before it.
    /// </summary>
    /// <returns>One message per entry whose version is too low; empty when the history is consistent.</returns>
    public IReadOnlyList<string> HistoryProblems()
    {
        var problems = new List<string>();
        for (var i = 1; i < Entries.Count; i++)
        {
            var previous = Entries.Count - i - 1;
            var entry = Entries[previous];
            var before = Entries[previous + 1].Version;
            var changes = SurfaceClassifier.Classify(Surface(i), Surface(i + 1));
            var level = Severity(changes);
            var required = before.Next(level);
            if (entry.Version < required)
            {
                var what = level is null ? "no surface change" : level == ChangeKind.Breaking ? "breaking changes" : "additive changes only";
                problems.Add($"{entry.Version} follows {before} with {what}: it needs at least {required} (a {before.IncrementName(level)} increment).");
            }
        }

        return problems;
    }

    /// <summary>The most severe kind among <paramref name="changes"/>, or <see langword="null"/> when there are none.</summary>
    /// <param name="changes">Classified changes.</param>
    /// <returns>Breaking, additive or nothing.</returns>
    public static ChangeKind? Severity(IEnumerable<SurfaceChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ChangeKind? level = null;
        foreach (var change in changes)
        {
            if (change.Kind == ChangeKind.Breaking)
            {
                return ChangeKind.Breaking;
            }

            level = ChangeKind.Additive;
        }

        return level;
    }

    /// <summary>Drafts the entry that records the change from <paramref name="before"/> to <paramref name="after"/>.</summary>
    /// <param name="version">The entry's version.</param>
    /// <param name="before">The recorded surface (empty for the first entry).</param>
    /// <param name="after">The surface to record.</param>
    /// <param name="withLines">Whether to include the diff block (the record); leave it out only for display.</param>
    /// <returns>The entry's Markdown, ending with a blank line.</returns>
    public static string DraftEntry(SemanticVersion version, IReadOnlyList<string> before, IReadOnlyList<string> after, bool withLines = true)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var text = new StringBuilder();
        text.Append("## ").Append(version).Append("\n\n");
        if (before.Count == 0)
        {
            var lines = after.Select(SurfaceLine.Parse).ToList();
            var types = lines.Count(l => l.IsType);
            text.Append("### Added\n").Append($"- The initial public API: {types} types and {lines.Count - types} members.\n\n");
        }
        else
        {
            var changes = SurfaceClassifier.Classify(before, after);
            Section(text, "Breaking", changes.Where(c => c.Kind == ChangeKind.Breaking));
            Section(text, "Added", changes.Where(c => c.Kind == ChangeKind.Additive));
        }

        if (withLines)
        {
            text.Append("<details><summary>Surface lines</summary>\n\n")
                .Append(DiffFence).Append('\n')
                .Append(SurfaceDiff.Compare(before, after).ToDiffText())
                .Append(Fence).Append("\n\n</details>\n\n");
        }

        return text.ToString();
    }

    /// <summary>Inserts an entry above the newest one (or after the header of an empty changelog).</summary>
    /// <param name="text">The changelog text; empty when there is no changelog yet.</param>
    /// <param name="entry">The entry, from <see cref="DraftEntry"/>.</param>
    /// <returns>The new changelog text, LF line endings.</returns>
    public static string Insert(string text, string entry)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entry);
        var body = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        if (body.Trim().Length == 0)
        {
            body = Header;
        }

        var at = body.StartsWith("## ", StringComparison.Ordinal) ? 0 : body.IndexOf("\n## ", StringComparison.Ordinal) + 1;
        return at <= 0 && !body.StartsWith("## ", StringComparison.Ordinal)
            ? body.TrimEnd('\n') + "\n\n" + entry.TrimEnd('\n') + "\n"
            : body[..at] + entry + body[at..];
    }

    private static void Section(StringBuilder text, string title, IEnumerable<SurfaceChange> changes)
    {
        var list = changes.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append("### ").Append(title).Append('\n');
        foreach (var change in list)
        {
            text.Append("- `").Append(change.Member).Append("`: ").Append(change.Reason).Append(".\n");
        }

        text.Append('\n');
    }
}

/// <summary>One recorded version and the surface lines it removed (<c>-</c>) and added (<c>+</c>).</summary>
/// <param name="Version">The version.</param>
/// <param name="Lines">The diff block's lines, each starting with <c>-</c> or <c>+</c>.</param>
public sealed record ChangelogEntry(SemanticVersion Version, IReadOnlyList<string> Lines);
