using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KooDrive.ApiSurface.Surface;

/// <summary>
/// Renders the attributes a consumer is affected by (serialization names and rules, validation annotations,
/// [Obsolete], [Flags], nullability-analysis attributes, ...). Everything is shown except a fixed list of
/// compiler and tooling noise, so that a newly added attribute shows up in the surface diff by default.
/// </summary>
internal static class AttributeRenderer
{
    private const string CompilerServices = "System.Runtime.CompilerServices";

    // In System.Runtime.CompilerServices, only these change how a consumer's code compiles or behaves.
    private static readonly HashSet<string> ConsumerRelevantCompilerServices = new(StringComparer.Ordinal)
    {
        "AsyncMethodBuilderAttribute",
        "CallerArgumentExpressionAttribute",
        "CallerFilePathAttribute",
        "CallerLineNumberAttribute",
        "CallerMemberNameAttribute",
        "CollectionBuilderAttribute",
        "EnumeratorCancellationAttribute",
        "InlineArrayAttribute",
        "InterpolatedStringHandlerArgumentAttribute",
        "InterpolatedStringHandlerAttribute",
        "OverloadResolutionPriorityAttribute",
    };

    // Noise: versions (GeneratedCode), debugger and coverage hints, and attributes the C# rendering already
    // expresses (params, indexer default member).
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "System.CodeDom.Compiler.GeneratedCodeAttribute",
        "System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverageAttribute",
        "System.ParamArrayAttribute",
        "System.Reflection.DefaultMemberAttribute",
    };

    /// <summary>Renders <paramref name="attributes"/> as sorted <c>[Name(args)]</c> texts.</summary>
    /// <param name="attributes">The attributes of one symbol (or of its return value).</param>
    /// <param name="target">An attribute target prefix such as <c>return: </c>, or empty.</param>
    /// <returns>The rendered attributes, sorted ordinally.</returns>
    public static IEnumerable<string> Render(ImmutableArray<AttributeData> attributes, string target = "")
    {
        // The compiler marks ref structs and constructors of types with required members [Obsolete] for old
        // compilers, together with [CompilerFeatureRequired]; that [Obsolete] is not the author's.
        var compilerFeatureGated = attributes.Any(a => FullName(a.AttributeClass) ==
            CompilerServices + ".CompilerFeatureRequiredAttribute");

        return attributes
            .Where(a => a.AttributeClass is not null && IsShown(a.AttributeClass, compilerFeatureGated))
            .Select(a => RenderOne(a, target))
            .Order(StringComparer.Ordinal);
    }

    private static bool IsShown(INamedTypeSymbol attributeClass, bool compilerFeatureGated)
    {
        var fullName = FullName(attributeClass);
        var ns = attributeClass.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (Noise.Contains(fullName))
        {
            return false;
        }

        if (ns == CompilerServices)
        {
            return ConsumerRelevantCompilerServices.Contains(attributeClass.Name);
        }

        if (ns == "System.Diagnostics" && attributeClass.Name.StartsWith("Debugger", StringComparison.Ordinal))
        {
            return false;
        }

        return !(compilerFeatureGated && fullName == "System.ObsoleteAttribute");
    }

    private static string RenderOne(AttributeData attribute, string target)
    {
        var name = attribute.AttributeClass!.ToDisplayString(DisplayFormats.Type);
        if (name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length)
        {
            name = name[..^"Attribute".Length];
        }

        // Named arguments are sorted so that reordering them in source is not a surface change.
        var arguments = attribute.ConstructorArguments.Select(a => a.ToCSharpString())
            .Concat(attribute.NamedArguments
                .OrderBy(n => n.Key, StringComparer.Ordinal)
                .Select(n => $"{n.Key} = {n.Value.ToCSharpString()}"))
            .ToList();

        return arguments.Count == 0
            ? $"[{target}{name}]"
            : $"[{target}{name}({string.Join(", ", arguments)})]";
    }

    private static string FullName(INamedTypeSymbol? type) =>
        type is null ? string.Empty : type.ToDisplayString(DisplayFormats.MetadataName);
}
