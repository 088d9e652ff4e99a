using System.Text.RegularExpressions;

namespace KooDrive.DocSync.Pages;

/// <summary>The type column of a page: "String", "Integer", "Array of strings", "Array of ScopeInfo objects", "BoundDeviceEntity object".</summary>
public static partial class PageTypes
{
    /// <summary>Whether a table cell is a type.</summary>
    /// <param name="text">The cell text.</param>
    /// <returns><see langword="true"/> when the text reads as a type.</returns>
    public static bool IsTypeText(string text) => Normalize(text) is not null;

    /// <summary>
    /// The type in the comparison's vocabulary: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>,
    /// <c>object</c>, or <c>array of X</c> for each of those.
    /// </summary>
    /// <param name="text">The type text of the page.</param>
    /// <returns>The normalised type, or <see langword="null"/> when the text is not a type.</returns>
    public static string? Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var array = ArrayOf().Match(text);
        if (array.Success)
        {
            return Scalar(array.Groups[1].Value) is { } item ? $"array of {item}" : null;
        }

        return Scalar(text);
    }

    /// <summary>The object type a type text refers to ("ScopeInfo" for "Array of ScopeInfo objects"), if any.</summary>
    /// <param name="text">The type text.</param>
    /// <returns>The object type name, or <see langword="null"/>.</returns>
    public static string? ObjectName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = NamedObject().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? Scalar(string text) => text.Trim() switch
    {
        "String" or "string" or "strings" or "Strings" => "string",
        "Integer" or "integer" or "integers" or "Integers" or "Long" or "Int" or "int32" or "int64" => "integer",
        "Number" or "Float" or "Double" or "numbers" or "Numbers" => "number",
        "Boolean" or "boolean" or "booleans" or "Booleans" => "boolean",
        "Object" or "object" or "objects" => "object",
        var other when NamedObject().IsMatch(other) => "object",
        _ => null,
    };

    [GeneratedRegex(@"^Array of (.+)$")]
    private static partial Regex ArrayOf();

    [GeneratedRegex(@"^(?:Array of )?([A-Z][A-Za-z0-9]*) objects?$")]
    private static partial Regex NamedObject();
}
