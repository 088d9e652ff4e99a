namespace KooDrive.DocSync.Facts;

/// <summary>One fact on which a page and the spec disagree.</summary>
/// <param name="Page">The page file, as given.</param>
/// <param name="Line">The page line the fact was read from (the operation's URI line when the page lacks it).</param>
/// <param name="Key">The fact.</param>
/// <param name="PageValue">What the page says, or <see cref="FactValues.None"/>.</param>
/// <param name="SpecValue">What the spec says, or <see cref="FactValues.None"/>.</param>
/// <param name="Erratum">The errata entry that acknowledges the difference, or <see langword="null"/>.</param>
public sealed record Difference(string Page, int Line, FactKey Key, string PageValue, string SpecValue, string? Erratum)
{
    /// <summary>Whether an errata entry acknowledges this difference.</summary>
    public bool IsAcknowledged => Erratum is not null;

    /// <summary>The report line: <c>page:line: operation location field aspect: page 'x', spec 'y' [erratum]</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        $"{Page}:{Line}: {Key}: page {Quote(PageValue)}, spec {Quote(SpecValue)} "
        + (Erratum is null ? "[not in the errata]" : $"[acknowledged by {Erratum}]");

    /// <summary>The errata line that would acknowledge this difference (see spec/ERRATA.md, "Entry format").</summary>
    /// <returns>The acknowledgement line.</returns>
    public string ToAcknowledgement() => $"  - `{Key}` page `{PageValue}` spec `{SpecValue}`";

    private static string Quote(string value) => value == FactValues.None ? value : $"'{value}'";
}
