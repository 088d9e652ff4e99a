namespace KooDrive.ApiSurface.Surface;

/// <summary>
/// The lines two listings do not share. Listings are sorted and one line identifies one member, so a set
/// difference is the whole story: a changed member is one removed line plus one added line.
/// </summary>
public sealed class SurfaceDiff
{
    private SurfaceDiff(IReadOnlyList<string> removed, IReadOnlyList<string> added)
    {
        Removed = removed;
        Added = added;
    }

    /// <summary>Lines only in the old listing, sorted ordinally.</summary>
    public IReadOnlyList<string> Removed { get; }

    /// <summary>Lines only in the new listing, sorted ordinally.</summary>
    public IReadOnlyList<string> Added { get; }

    /// <summary>Whether the listings are equal.</summary>
    public bool IsEmpty => Removed.Count == 0 && Added.Count == 0;

    /// <summary>Compares two listings.</summary>
    /// <param name="before">The old listing's lines.</param>
    /// <param name="after">The new listing's lines.</param>
    /// <returns>The difference.</returns>
    public static SurfaceDiff Compare(IEnumerable<string> before, IEnumerable<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.ToList();
        var @new = after.ToList();
        return new SurfaceDiff(Subtract(old, @new), Subtract(@new, old));
    }

    /// <summary>
    /// The difference as diff-style lines (<c>-</c> removed, <c>+</c> added), ordered by member so that the
    /// old and new line of a changed member sit next to each other.
    /// </summary>
    /// <returns>The text, one line per changed line, LF-terminated.</returns>
    public string ToDiffText() =>
        string.Concat(Removed.Select(l => (Line: l, Sign: '-'))
            .Concat(Added.Select(l => (Line: l, Sign: '+')))
            .OrderBy(x => MemberKey(x.Line), StringComparer.Ordinal)
            .ThenBy(x => x.Sign == '-' ? 0 : 1)
            .ThenBy(x => x.Line, StringComparer.Ordinal)
            .Select(x => $"{x.Sign}{x.Line}\n"));

    // Multiset difference: a line listed twice (overloads that render alike) counts twice.
    private static List<string> Subtract(List<string> from, List<string> remove)
    {
        var counts = remove.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var line in from)
        {
            if (counts.TryGetValue(line, out var count) && count > 0)
            {
                counts[line] = count - 1;
            }
            else
            {
                result.Add(line);
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    // "Type.Member(params): ..." → "Type.Member": the part that names the member, without its declaration.
    private static string MemberKey(string line)
    {
        var end = line.IndexOfAny(['(', ':']);
        return end < 0 ? line : line[..end];
    }
}
