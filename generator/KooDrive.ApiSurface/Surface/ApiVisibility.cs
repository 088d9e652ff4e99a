using Microsoft.CodeAnalysis;

namespace KooDrive.ApiSurface.Surface;

/// <summary>
/// Decides which types and members a consumer of an assembly can compile against: public ones, and
/// protected ones on types that a consumer can derive from.
/// </summary>
public static class ApiVisibility
{
    /// <summary>Every type a consumer can name, nested types included, in metadata order.</summary>
    /// <param name="assembly">The assembly to walk.</param>
    /// <returns>The visible types.</returns>
    public static IEnumerable<INamedTypeSymbol> VisibleTypes(IAssemblySymbol assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return TypesIn(assembly.GlobalNamespace).Where(IsVisible);
    }

    /// <summary>
    /// The members of <paramref name="type"/> that belong to its surface: constructors, methods, operators,
    /// properties, indexers, fields and events. Accessors are part of their property or event; nested types
    /// are listed as types; unspeakable compiler-generated members (such as a record's <c>&lt;Clone&gt;$</c>)
    /// and explicit interface implementations (private in metadata) are left out.
    /// </summary>
    /// <param name="type">A visible type.</param>
    /// <returns>The visible members, in metadata order.</returns>
    public static IEnumerable<ISymbol> VisibleMembers(INamedTypeSymbol type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.TypeKind == TypeKind.Delegate)
        {
            // A delegate's Invoke/BeginInvoke/EndInvoke and constructor are implied by its signature.
            return [];
        }

        return type.GetMembers().Where(m => IsListedKind(m) && IsSpeakable(m) && IsVisible(m));
    }

    /// <summary>Whether a consumer outside the assembly can reference <paramref name="symbol"/>.</summary>
    /// <param name="symbol">A type or member.</param>
    /// <returns><see langword="true"/> when the symbol and every containing type are visible.</returns>
    public static bool IsVisible(ISymbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var visibleHere = symbol.DeclaredAccessibility switch
        {
            Accessibility.Public => true,
            // protected internal is protected for a consumer; private protected is invisible outside.
            Accessibility.Protected or Accessibility.ProtectedOrInternal =>
                symbol.ContainingType is { } container && CanBeDerivedFrom(container),
            _ => false,
        };

        return visibleHere && (symbol.ContainingType is null || IsVisible(symbol.ContainingType));
    }

    private static bool CanBeDerivedFrom(INamedTypeSymbol type) =>
        !type.IsSealed && !type.IsStatic && !type.IsValueType;

    private static bool IsListedKind(ISymbol member) => member switch
    {
        // Roslyn synthesizes a parameterless constructor for every struct and enum; it is not in metadata.
        IMethodSymbol { MethodKind: MethodKind.Constructor, IsImplicitlyDeclared: true, ContainingType.IsValueType: true } => false,
        IMethodSymbol method => method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor
            or MethodKind.UserDefinedOperator or MethodKind.Conversion,
        IPropertySymbol or IFieldSymbol or IEventSymbol => true,
        _ => false,
    };

    private static bool IsSpeakable(ISymbol member) =>
        member.Name.IndexOfAny(['<', '>', '$']) < 0;

    private static IEnumerable<INamedTypeSymbol> TypesIn(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            foreach (var nestedOrSelf in WithNested(type))
            {
                yield return nestedOrSelf;
            }
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            foreach (var type in TypesIn(child))
            {
                yield return type;
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var nested in type.GetTypeMembers())
        {
            foreach (var inner in WithNested(nested))
            {
                yield return inner;
            }
        }
    }
}
