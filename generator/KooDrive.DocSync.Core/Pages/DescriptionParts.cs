using System.Text.RegularExpressions;

namespace KooDrive.DocSync.Pages;

/// <summary>
/// The labelled parts of a description cell: "Definition: … Constraints: … Range: … Default Value: …".
/// Only the first occurrence of each label counts: the backup pages print the X-Date block twice.
/// </summary>
/// <param name="Definition">The definition, or the whole cell when it has no labels (response tables).</param>
/// <param name="Constraints">The constraints text, or empty.</param>
/// <param name="Range">The range text, or empty.</param>
/// <param name="Default">The default value text, or empty.</param>
public sealed partial record DescriptionParts(string Definition, string Constraints, string Range, string Default)
{
    /// <summary>Splits a description cell at its labels.</summary>
    /// <param name="description">The cell text.</param>
    /// <returns>The parts.</returns>
    public static DescriptionParts Parse(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var labels = Label().Matches(description);
        if (labels.Count == 0)
        {
            return new DescriptionParts(description.Trim(), "", "", "");
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            var start = labels[i].Index + labels[i].Length;
            var end = i + 1 < labels.Count ? labels[i + 1].Index : description.Length;
            parts.TryAdd(labels[i].Groups[1].Value, description[start..end].Trim());
        }

        return new DescriptionParts(
            parts.GetValueOrDefault("Definition", ""),
            parts.GetValueOrDefault("Constraints", ""),
            parts.GetValueOrDefault("Range", ""),
            parts.GetValueOrDefault("Default Value", ""));
    }

    // "Default Value" sometimes lacks its colon ("Default Value If this parameter is not transferred, ...").
    [GeneratedRegex(@"\b(Definition|Constraints|Range):|\b(?<1>Default Value):?")]
    private static partial Regex Label();
}
