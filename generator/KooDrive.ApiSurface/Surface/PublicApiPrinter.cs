using Microsoft.CodeAnalysis;

namespace KooDrive.ApiSurface.Surface;

/// <summary>
/// Prints the public API surface of an assembly: one line per visible type and member, free of versions,
/// paths and compiler noise, so that two builds can be compared line by line.
/// </summary>
/// <remarks>
/// Order: types by fully qualified name (ordinal); each type's own line first, then its members sorted
/// ordinally. Nested types form their own group right after their container.
/// </remarks>
public static class PublicApiPrinter
{
    /// <summary>Prints the surface of <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The assembly, usually loaded with <see cref="AssemblyLoader"/>.</param>
    /// <returns>The listing lines, without line terminators.</returns>
    public static IReadOnlyList<string> Print(IAssemblySymbol assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var groups = new List<(string Group, List<string> Lines)>();
        foreach (var type in ApiVisibility.VisibleTypes(assembly))
        {
            var group = SymbolRenderer.GroupOf(type);
            var members = ApiVisibility.VisibleMembers(type)
                .Select(m => SymbolRenderer.RenderMember(group, m))
                .Order(StringComparer.Ordinal);
            groups.Add((group, [SymbolRenderer.RenderType(type), .. members]));
        }

        return groups
            .OrderBy(g => g.Group, StringComparer.Ordinal)
            .SelectMany(g => g.Lines)
            .ToList();
    }

    /// <summary>Prints the surface as text: LF line endings and a final newline.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>The listing.</returns>
    public static string PrintText(IAssemblySymbol assembly) => ToText(Print(assembly));

    /// <summary>Joins listing lines the way snapshots store them.</summary>
    /// <param name="lines">The lines.</param>
    /// <returns>The lines joined with LF, ending with LF.</returns>
    public static string ToText(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return string.Concat(lines.Select(l => l + "\n"));
    }

    /// <summary>Splits a listing (LF or CRLF) back into lines, ignoring empty lines.</summary>
    /// <param name="text">The listing text.</param>
    /// <returns>The lines.</returns>
    public static IReadOnlyList<string> FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart('\uFEFF')
            .Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0)
            .ToList();
    }
}
