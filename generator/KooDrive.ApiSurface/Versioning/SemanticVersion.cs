using System.Globalization;
using KooDrive.ApiSurface.Surface;

namespace KooDrive.ApiSurface.Versioning;

/// <summary>
/// A release version <c>major.minor.patch</c>, and the rule for which version a surface change needs.
/// </summary>
/// <remarks>
/// From 1.0: a breaking change takes the next major version, an additive one the next minor. While the major
/// version is 0 (semantic versioning's "anything may change" phase), a breaking change takes the next minor
/// version and an additive one the next patch, so that the minor version still tells consumers where a break is.
/// </remarks>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
/// <param name="Patch">The patch version.</param>
public readonly record struct SemanticVersion(int Major, int Minor, int Patch) : IComparable<SemanticVersion>
{
    /// <summary>Parses <c>major.minor.patch</c> (no pre-release or build metadata: those are for builds, not records).</summary>
    /// <param name="text">The text.</param>
    /// <param name="version">The version.</param>
    /// <returns>Whether the text is such a version.</returns>
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = default;
        var parts = text?.Split('.');
        if (parts is not { Length: 3 } || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0')))
        {
            return false;
        }

        var numbers = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        if (numbers.Any(n => n < 0))
        {
            return false;
        }

        version = new SemanticVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    /// <summary>The smallest version that may follow this one after changes of the given kind.</summary>
    /// <param name="change">The most severe change recorded; <see langword="null"/> when the surface did not change.</param>
    /// <returns>The required version.</returns>
    public SemanticVersion Next(ChangeKind? change) => (change, Major) switch
    {
        (ChangeKind.Breaking, 0) => new SemanticVersion(0, Minor + 1, 0),
        (ChangeKind.Breaking, _) => new SemanticVersion(Major + 1, 0, 0),
        (ChangeKind.Additive, > 0) => new SemanticVersion(Major, Minor + 1, 0),
        _ => new SemanticVersion(Major, Minor, Patch + 1),
    };

    /// <summary>What the version increment for a change is called under this version.</summary>
    /// <param name="change">The change.</param>
    /// <returns><c>major</c>, <c>minor</c> or <c>patch</c>.</returns>
    public string IncrementName(ChangeKind? change) => Next(change) switch
    {
        var n when n.Major != Major => "major",
        var n when n.Minor != Minor => "minor",
        _ => "patch",
    };

    /// <inheritdoc />
    public int CompareTo(SemanticVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);

    /// <summary>Compares two versions.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>Whether <paramref name="left"/> comes first.</returns>
    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;

    /// <summary>Compares two versions.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>Whether <paramref name="left"/> comes later.</returns>
    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;

    /// <summary>Compares two versions.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>Whether <paramref name="left"/> does not come later.</returns>
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two versions.</summary>
    /// <param name="left">The left version.</param>
    /// <param name="right">The right version.</param>
    /// <returns>Whether <paramref name="left"/> does not come first.</returns>
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
}
