using Microsoft.CodeAnalysis;

namespace KooDrive.ApiSurface.Surface;

/// <summary>The fixed Roslyn display formats of the listing; changing one changes every snapshot.</summary>
internal static class DisplayFormats
{
    /// <summary>
    /// Fully qualified types without <c>global::</c>, C# keywords for special types, <c>?</c> on nullable
    /// reference types and type parameters.
    /// </summary>
    public static readonly SymbolDisplayFormat Type = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier
            | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>The name of a declared type: <see cref="Type"/> plus <c>in</c>/<c>out</c> variance.</summary>
    public static readonly SymbolDisplayFormat DeclaredType = Type
        .AddGenericsOptions(SymbolDisplayGenericsOptions.IncludeVariance);

    /// <summary>Namespace-qualified name without keywords or generics, for comparing attribute types.</summary>
    public static readonly SymbolDisplayFormat MetadataName = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);
}
