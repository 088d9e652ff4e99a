using System.Xml.Linq;
using KooDrive.ApiSurface.Surface;
using Microsoft.CodeAnalysis;

namespace KooDrive.Generated.Tests.PublicApi;

/// <summary>
/// Octokit-style conventions over a public surface. Each check returns one readable line per offender, so a
/// failing test lists everything to fix at once.
/// </summary>
internal static class ApiConventions
{
    /// <summary>
    /// Foreign namespaces a public signature may use, and why. Anything else (another library's types, the
    /// compiler's internals) would make consumers depend on a choice the SDK should be free to change.
    /// </summary>
    private static readonly (string Prefix, string Reason)[] AllowedForeignNamespaces =
    [
        ("System", "the base class library"),
        ("Microsoft.Extensions.", "the platform's DI, options, logging and HTTP abstractions, made to appear in library APIs"),
        ("Microsoft.Kiota.Abstractions", "the SDK's chosen authentication abstraction (IAccessTokenProvider)"),
    ];

    /// <summary>Every class named <c>*Client</c> implements <c>I*Client</c>, and both have the same methods.</summary>
    public static List<string> ClientInterfaceMismatches(IAssemblySymbol assembly)
    {
        var problems = new List<string>();
        var clients = ApiVisibility.VisibleTypes(assembly)
            .Where(t => t is { TypeKind: TypeKind.Class, IsAbstract: false } && t.Name.EndsWith("Client", StringComparison.Ordinal));

        foreach (var client in clients)
        {
            var name = Display(client);
            var expected = (client.ContainingNamespace.IsGlobalNamespace ? string.Empty : client.ContainingNamespace.ToDisplayString() + ".") + "I" + client.Name;
            var contract = assembly.GetTypeByMetadataName(expected);
            if (contract is not { TypeKind: TypeKind.Interface } || !ApiVisibility.IsVisible(contract))
            {
                problems.Add($"{name} has no public interface {expected}.");
                continue;
            }

            if (!client.AllInterfaces.Contains(contract, SymbolEqualityComparer.Default))
            {
                problems.Add($"{name} does not implement {expected}.");
                continue;
            }

            var contractMethods = contract.GetMembers().Concat(contract.AllInterfaces.SelectMany(i => i.GetMembers()))
                .OfType<IMethodSymbol>()
                .Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic)
                .ToList();
            var implementations = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var method in contractMethods)
            {
                var implementation = client.FindImplementationForInterfaceMember(method) as IMethodSymbol;
                if (implementation is not { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public })
                {
                    problems.Add($"{name} has no public method for {Display(method)}.");
                    continue;
                }

                implementations.Add(implementation);
                var defaults = method.Parameters.Zip(implementation.Parameters)
                    .Where(p => p.First.HasExplicitDefaultValue != p.Second.HasExplicitDefaultValue
                        || !Equals(p.First.HasExplicitDefaultValue ? p.First.ExplicitDefaultValue : null, p.Second.HasExplicitDefaultValue ? p.Second.ExplicitDefaultValue : null))
                    .Select(p => p.First.Name)
                    .ToList();
                if (defaults.Count > 0)
                {
                    problems.Add($"{Display(implementation)} and {Display(method)} differ in the default values of: {string.Join(", ", defaults)}.");
                }
            }

            problems.AddRange(client.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsOverride: false }
                    && !implementations.Contains(m))
                .Select(m => $"{Display(m)} is public but not on {expected}."));
        }

        return problems;
    }

    /// <summary>
    /// Every public method returning a task ends with <c>CancellationToken cancellationToken = default</c>,
    /// unless its signature is dictated by a base type or an interface from another assembly.
    /// </summary>
    public static List<string> AsyncMethodsWithoutCancellation(IAssemblySymbol assembly) =>
        ApiVisibility.VisibleTypes(assembly)
            .SelectMany(ApiVisibility.VisibleMembers)
            .OfType<IMethodSymbol>()
            .Where(m => m is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsOverride: false }
                && IsAwaitable(m.ReturnType)
                && !ImplementsForeignInterface(m, assembly)
                && !EndsWithCancellationToken(m))
            .Select(m => $"{Display(m)} must end with `CancellationToken cancellationToken = default`.")
            .ToList();

    /// <summary>
    /// Every public type and member has a summary (or <c>&lt;inheritdoc/&gt;</c>) in the XML documentation file,
    /// and documents each parameter and type parameter. Members the compiler writes (a class's implicit
    /// constructor, a record's generated members) cannot carry documentation and are not required to.
    /// </summary>
    /// <returns>Offender ids: a documentation id, followed by <c>#name</c> for a missing parameter.</returns>
    public static List<string> Undocumented(IAssemblySymbol assembly, XDocument documentation)
    {
        var members = documentation.Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => m.Attribute("name")!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var offenders = new List<string>();
        foreach (var type in ApiVisibility.VisibleTypes(assembly))
        {
            foreach (var symbol in ApiVisibility.VisibleMembers(type).Prepend(type))
            {
                if (IsWrittenByCompiler(symbol))
                {
                    continue;
                }

                var id = symbol.GetDocumentationCommentId()!;
                if (!members.TryGetValue(id, out var doc) || !(HasText(doc.Element("summary")) || doc.Element("inheritdoc") is not null))
                {
                    offenders.Add(id);
                    continue;
                }

                if (doc.Element("inheritdoc") is not null)
                {
                    continue;
                }

                offenders.AddRange(Parameters(symbol)
                    .Where(p => !doc.Elements("param").Any(e => e.Attribute("name")?.Value == p && HasText(e)))
                    .Select(p => $"{id}#{p}"));
                offenders.AddRange(TypeParameters(symbol)
                    .Where(p => !doc.Elements("typeparam").Any(e => e.Attribute("name")?.Value == p && HasText(e)))
                    .Select(p => $"{id}#<{p}>"));
            }
        }

        return offenders;
    }

    /// <summary>Public signatures use only this assembly's types and the foreign types allowed above.</summary>
    public static List<string> ForeignTypeExposures(IAssemblySymbol assembly)
    {
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in ApiVisibility.VisibleTypes(assembly))
        {
            var typeUses = (type.BaseType is { SpecialType: not SpecialType.System_Object } b ? [b] : Array.Empty<ITypeSymbol>())
                .Concat(type.Interfaces)
                .Concat(type.TypeParameters.SelectMany(p => p.ConstraintTypes))
                .Concat(type.DelegateInvokeMethod is { } invoke ? SignatureTypes(invoke) : []);
            Check(type, type, typeUses);

            foreach (var member in ApiVisibility.VisibleMembers(type))
            {
                Check(member, type, member switch
                {
                    IMethodSymbol m => SignatureTypes(m),
                    IPropertySymbol p => p.Parameters.Select(x => x.Type).Append(p.Type),
                    IFieldSymbol f => [f.Type],
                    IEventSymbol e => [e.Type],
                    _ => [],
                });
            }
        }

        return [.. problems];

        void Check(ISymbol user, INamedTypeSymbol container, IEnumerable<ITypeSymbol> used)
        {
            foreach (var foreign in used.SelectMany(Expand).Where(t => !IsAllowed(t, container, assembly)))
            {
                problems.Add($"{Display(user)} exposes {foreign.ToDisplayString(DisplayFormats)} from {foreign.ContainingAssembly?.Name}: "
                    + "consumers would depend on it. Wrap it, make the member internal, or add a justified entry to ApiConventions.AllowedForeignNamespaces.");
            }
        }
    }

    private static bool IsAllowed(INamedTypeSymbol type, INamedTypeSymbol container, IAssemblySymbol assembly)
    {
        if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, assembly))
        {
            return true;
        }

        var ns = type.ContainingNamespace.ToDisplayString();
        if (ns.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal))
        {
            return false;
        }

        if (AllowedForeignNamespaces.Any(a => ns == a.Prefix || ns.StartsWith(a.Prefix.TrimEnd('.') + ".", StringComparison.Ordinal)))
        {
            return true;
        }

        // Newtonsoft.Json is the serializer by design, yet only two of its types belong in the SDK's API:
        // the settings NSwag's clients expose to subclasses, and the converter contract of a JsonConverter.
        if (ns.StartsWith("Newtonsoft.Json", StringComparison.Ordinal))
        {
            return type.ToDisplayString() == "Newtonsoft.Json.JsonSerializerSettings" || DerivesFrom(container, "Newtonsoft.Json.JsonConverter");
        }

        return false;
    }

    private static IEnumerable<INamedTypeSymbol> Expand(ITypeSymbol type) => type switch
    {
        INamedTypeSymbol named => named.TypeArguments.SelectMany(Expand).Prepend(named.OriginalDefinition),
        IArrayTypeSymbol array => Expand(array.ElementType),
        IPointerTypeSymbol pointer => Expand(pointer.PointedAtType),
        _ => [],
    };

    private static IEnumerable<ITypeSymbol> SignatureTypes(IMethodSymbol method) =>
        method.Parameters.Select(p => p.Type)
            .Append(method.ReturnType)
            .Concat(method.TypeParameters.SelectMany(p => p.ConstraintTypes));

    private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == baseName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAwaitable(ITypeSymbol type) =>
        type.OriginalDefinition.ToDisplayString() is "System.Threading.Tasks.Task" or "System.Threading.Tasks.Task<TResult>"
            or "System.Threading.Tasks.ValueTask" or "System.Threading.Tasks.ValueTask<TResult>"
            or "System.Collections.Generic.IAsyncEnumerable<T>";

    private static bool EndsWithCancellationToken(IMethodSymbol method) =>
        method.Parameters.LastOrDefault() is { Name: "cancellationToken", HasExplicitDefaultValue: true, ExplicitDefaultValue: null } last
        && last.Type.ToDisplayString() == "System.Threading.CancellationToken";

    private static bool ImplementsForeignInterface(IMethodSymbol method, IAssemblySymbol assembly) =>
        method.ContainingType.AllInterfaces
            .Where(i => !SymbolEqualityComparer.Default.Equals(i.ContainingAssembly, assembly))
            .SelectMany(i => i.GetMembers())
            .Any(m => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(m), method));

    private static bool IsWrittenByCompiler(ISymbol symbol)
    {
        if (symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.CompilerGeneratedAttribute"))
        {
            return true;
        }

        // A class without constructors gets a parameterless one from the compiler; metadata cannot tell it
        // from a written one, but a written one would not be the only constructor without documentation.
        return symbol is IMethodSymbol { MethodKind: MethodKind.Constructor, Parameters.IsEmpty: true } ctor
            && ctor.ContainingType.InstanceConstructors.Length == 1;
    }

    private static IEnumerable<string> Parameters(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol { DelegateInvokeMethod: { } invoke } => invoke.Parameters.Select(p => p.Name),
        IMethodSymbol m => m.Parameters.Select(p => p.Name),
        IPropertySymbol p => p.Parameters.Select(x => x.Name),
        _ => [],
    };

    private static IEnumerable<string> TypeParameters(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol t => t.TypeParameters.Select(p => p.Name),
        IMethodSymbol m => m.TypeParameters.Select(p => p.Name),
        _ => [],
    };

    private static bool HasText(XElement? element) =>
        element is not null && (element.Value.Trim().Length > 0 || element.HasElements);

    private static string Display(ISymbol symbol) => symbol.ToDisplayString(DisplayFormats);

    private static readonly SymbolDisplayFormat DisplayFormats = SymbolDisplayFormat.CSharpErrorMessageFormat;
}
