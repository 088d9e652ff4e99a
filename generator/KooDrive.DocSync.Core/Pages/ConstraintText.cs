using System.Globalization;
using System.Text.RegularExpressions;

namespace KooDrive.DocSync.Pages;

/// <summary>
/// Reads the facts in a row's "Constraints" and "Range" text. Prose that states no checkable fact
/// ("Use the ID returned after an album is created.", "N/A") yields nothing.
/// </summary>
public static partial class ConstraintText
{
    /// <summary>The facts stated by <paramref name="text"/> for a value of type <paramref name="type"/>.</summary>
    /// <param name="text">Constraints or range text.</param>
    /// <param name="type">The normalised type (<see cref="PageTypes.Normalize"/>).</param>
    /// <returns>Aspect and value pairs: <c>maxItems 100</c>, <c>maxLength 10000</c>, <c>enum 100, 101, 102</c>, <c>length 58 bits</c>, <c>pattern ^...$</c>.</returns>
    public static IEnumerable<(string Aspect, string Value)> Read(string text, string? type)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0 || text == "N/A")
        {
            yield break;
        }

        var isArray = type?.StartsWith("array", StringComparison.Ordinal) == true;
        var isNumber = type is "integer" or "number";

        if (text.StartsWith('^'))
        {
            // A regular expression, printed as is (it may not even be valid: errata E3).
            yield return ("pattern", text);
            yield break;
        }

        if (Span().Match(text) is { Success: true } span)
        {
            var low = Number(span.Groups[1].Value);
            var high = Number(span.Groups[2].Value);
            if (isNumber)
            {
                yield return ("minimum", low.ToString(CultureInfo.InvariantCulture));
                yield return ("maximum", high.ToString(CultureInfo.InvariantCulture));
            }
            else if (high >= low && high - low < 1000)
            {
                // A string with a numeric range is a closed set of codes ("100–102" module codes).
                yield return ("enum", string.Join(", ", Enumerable.Range(low, high - low + 1)));
            }

            yield break;
        }

        foreach (Match max in MaximumLength().Matches(text))
        {
            yield return (isArray ? "maxItems" : "maxLength", Number(max.Groups[1].Value).ToString(CultureInfo.InvariantCulture));
        }

        foreach (Match min in MinimumLength().Matches(text))
        {
            yield return (isArray ? "minItems" : "minLength", Number(min.Groups[1].Value).ToString(CultureInfo.InvariantCulture));
        }

        if (RangesFrom().Match(text) is { Success: true } from)
        {
            yield return (isArray ? "minItems" : isNumber ? "minimum" : "minLength", Number(from.Groups[1].Value).ToString(CultureInfo.InvariantCulture));
            yield return (isArray ? "maxItems" : isNumber ? "maximum" : "maxLength", Number(from.Groups[2].Value).ToString(CultureInfo.InvariantCulture));
        }

        if (Contains().Match(text) is { Success: true } contains)
        {
            // "contains 58 bits": the unit is kept, so a page that says bits where the spec counts characters
            // differs until an erratum decides it.
            var unit = contains.Groups[2].Value;
            var count = Number(contains.Groups[1].Value).ToString(CultureInfo.InvariantCulture);
            yield return ("length", unit.StartsWith("character", StringComparison.Ordinal) ? count : $"{count} {unit}");
        }

        var meanings = Meaning().Matches(text);
        if (meanings.Count > 1)
        {
            yield return ("enumMeanings", string.Join("; ", meanings.Select(m => $"{m.Groups[1].Value}: {m.Groups[2].Value.Trim().TrimEnd('.', ';')}")).ToLowerInvariant());
        }
    }

    private static int Number(string digits) => int.Parse(digits.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d[\d,]*)\s*[–—-]\s*(\d[\d,]*)$")]
    private static partial Regex Span();

    [GeneratedRegex(@"maximum (?:length|size|number)(?: of (?:the|a) (?:set|list|array))? is (\d[\d,]*)", RegexOptions.IgnoreCase)]
    private static partial Regex MaximumLength();

    [GeneratedRegex(@"minimum (?:length|size|number)(?: of (?:the|a) (?:set|list|array))? is (\d[\d,]*)", RegexOptions.IgnoreCase)]
    private static partial Regex MinimumLength();

    [GeneratedRegex(@"ranges? from (\d[\d,]*) to (\d[\d,]*)", RegexOptions.IgnoreCase)]
    private static partial Regex RangesFrom();

    [GeneratedRegex(@"(?:contains|must be|is) (\d[\d,]*) (bits|bytes|characters?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Contains();

    [GeneratedRegex(@"(\d+): ([^:]+?)(?=\s+\d+:|$)")]
    private static partial Regex Meaning();
}
