using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KooDrive.ApiSurface.Surface;

/// <summary>
/// Renders one listing line per type or member: <c>Qualified.Name(parameters): [attributes] modifiers type</c>.
/// The qualified name comes first so that a line identifies its member without surrounding context.
/// </summary>
internal static class SymbolRenderer
{
    /// <summary>The group a type's lines are listed under: its fully qualified name.</summary>
    public static string GroupOf(INamedTypeSymbol type) => type.ToDisplayString(DisplayFormats.Type);

    /// <summary>The line of a type: kind, modifiers, base type, interfaces and constraints.</summary>
    public static string RenderType(INamedTypeSymbol type)
    {
        var name = type.ToDisplayString(DisplayFormats.DeclaredType);
        var prefix = Prefix(AttributeRenderer.Render(type.GetAttributes()), Accessibility(type));

        if (type.TypeKind == TypeKind.Delegate && type.DelegateInvokeMethod is { } invoke)
        {
            return Mark($"{name}({Parameters(invoke)}): {prefix}delegate {ReturnType(invoke)}{Constraints(type.TypeParameters)}", invoke);
        }

        var modifiers = new List<string>();
        if (type.TypeKind == TypeKind.Class)
        {
            if (type.IsStatic)
            {
                modifiers.Add("static");
            }
            else if (type.IsAbstract)
            {
                modifiers.Add("abstract");
            }
            else if (type.IsSealed)
            {
                modifiers.Add("sealed");
            }
        }

        if (type.TypeKind == TypeKind.Struct && type.IsReadOnly)
        {
            modifiers.Add("readonly");
        }

        if (type.IsRefLikeType)
        {
            modifiers.Add("ref");
        }

        modifiers.Add(type.TypeKind switch
        {
            TypeKind.Class => type.IsRecord ? "record class" : "class",
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            TypeKind.Interface => "interface",
            TypeKind.Enum => "enum",
            _ => type.TypeKind.ToString().ToLowerInvariant(),
        });

        var bases = new List<string>();
        if (type.TypeKind == TypeKind.Enum && type.EnumUnderlyingType is { } underlying)
        {
            bases.Add(TypeName(underlying));
        }
        else if (type.TypeKind == TypeKind.Class && type.BaseType is { SpecialType: not SpecialType.System_Object } baseType)
        {
            bases.Add(TypeName(baseType));
        }

        bases.AddRange(type.Interfaces.Select(TypeName).Order(StringComparer.Ordinal));
        var inheritance = bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases);

        return $"{name}: {prefix}{string.Join(' ', modifiers)}{inheritance}{Constraints(type.TypeParameters)}";
    }

    /// <summary>The line of a member of <paramref name="group"/>.</summary>
    public static string RenderMember(string group, ISymbol member) => member switch
    {
        IMethodSymbol method => RenderMethod(group, method),
        IPropertySymbol property => RenderProperty(group, property),
        IFieldSymbol field => RenderField(group, field),
        IEventSymbol @event => RenderEvent(group, @event),
        _ => throw new ArgumentException($"Unexpected member kind {member.Kind}.", nameof(member)),
    };

    private static string RenderMethod(string group, IMethodSymbol method)
    {
        var attributes = AttributeRenderer.Render(method.GetAttributes())
            .Concat(AttributeRenderer.Render(method.GetReturnTypeAttributes(), "return: "));
        var prefix = Prefix(attributes, Accessibility(method), Modifiers(method));
        var parameters = Parameters(method);

        switch (method.MethodKind)
        {
            case MethodKind.Constructor:
                return Mark($"{group}.{method.ContainingType.Name}({parameters}): {prefix.TrimEnd()}", method);
            case MethodKind.Conversion:
                var direction = method.Name == WellKnownMemberNames.ImplicitConversionName ? "implicit" : "explicit";
                return Mark($"{group}.{direction} operator {TypeName(method.ReturnType)}({parameters}): {prefix.TrimEnd()}", method);
            case MethodKind.UserDefinedOperator:
                var token = SyntaxFacts.GetText(SyntaxFacts.GetOperatorKind(method.MetadataName));
                return Mark($"{group}.operator {token}({parameters}): {prefix}{ReturnType(method)}", method);
            default:
                var typeParameters = method.TypeParameters.IsEmpty
                    ? string.Empty
                    : "<" + string.Join(", ", method.TypeParameters.Select(t => t.Name)) + ">";
                return Mark($"{group}.{Escape(method.Name)}{typeParameters}({parameters}): {prefix}{ReturnType(method)}{Constraints(method.TypeParameters)}", method);
        }
    }

    private static string RenderProperty(string group, IPropertySymbol property)
    {
        var prefix = Prefix(AttributeRenderer.Render(property.GetAttributes()), Accessibility(property), Modifiers(property));
        var name = property.IsIndexer
            ? $"this[{string.Join(", ", property.Parameters.Select(Parameter))}]"
            : Escape(property.Name);

        var accessors = new List<string>();
        if (property.GetMethod is { } getter && ApiVisibility.IsVisible(getter))
        {
            accessors.Add(Accessor(property, getter, "get"));
        }

        if (property.SetMethod is { } setter && ApiVisibility.IsVisible(setter))
        {
            accessors.Add(Accessor(property, setter, setter.IsInitOnly ? "init" : "set"));
        }

        return Mark($"{group}.{name}: {prefix}{RefPrefix(property.RefKind)}{TypeName(property.Type)} {{ {string.Join(' ', accessors)} }}", property);
    }

    private static string RenderField(string group, IFieldSymbol field)
    {
        var attributes = AttributeRenderer.Render(field.GetAttributes());
        if (field.ContainingType.TypeKind == TypeKind.Enum)
        {
            // Enum members are implicitly public constants of the enum type: only the value matters.
            var value = Constant(field.ContainingType.EnumUnderlyingType!, field.ConstantValue);
            return $"{group}.{Escape(field.Name)}: {Prefix(attributes)}= {value}";
        }

        var modifiers = new List<string>();
        if (field.IsConst)
        {
            modifiers.Add("const");
        }
        else
        {
            if (field.IsStatic)
            {
                modifiers.Add("static");
            }

            if (field.IsReadOnly)
            {
                modifiers.Add("readonly");
            }

            if (field.IsVolatile)
            {
                modifiers.Add("volatile");
            }
        }

        var constant = field.HasConstantValue ? " = " + Constant(field.Type, field.ConstantValue) : string.Empty;
        return Mark($"{group}.{Escape(field.Name)}: {Prefix(attributes, Accessibility(field), modifiers)}{TypeName(field.Type)}{constant}", field);
    }

    private static string RenderEvent(string group, IEventSymbol @event)
    {
        var prefix = Prefix(AttributeRenderer.Render(@event.GetAttributes()), Accessibility(@event), Modifiers(@event));
        return Mark($"{group}.{Escape(@event.Name)}: {prefix}event {TypeName(@event.Type)}", @event);
    }

    private static string Accessor(IPropertySymbol property, IMethodSymbol accessor, string keyword) =>
        accessor.DeclaredAccessibility == property.DeclaredAccessibility
            ? keyword + ";"
            : $"{Accessibility(accessor)} {keyword};";

    private static string Parameters(IMethodSymbol method) =>
        string.Join(", ", method.Parameters.Select((p, i) =>
            (i == 0 && method.IsExtensionMethod ? "this " : string.Empty) + Parameter(p)));

    private static string Parameter(IParameterSymbol parameter)
    {
        var parts = new List<string>(AttributeRenderer.Render(parameter.GetAttributes()));
        // Out parameters are always scoped; only an explicit scoped ref or ref struct parameter says something.
        if (parameter.ScopedKind != ScopedKind.None && parameter.RefKind != RefKind.Out)
        {
            parts.Add("scoped");
        }

        var refKind = parameter.RefKind switch
        {
            RefKind.Ref => "ref",
            RefKind.Out => "out",
            RefKind.In => "in",
            RefKind.RefReadOnlyParameter => "ref readonly",
            _ => null,
        };
        if (refKind is not null)
        {
            parts.Add(refKind);
        }

        if (parameter.IsParams)
        {
            parts.Add("params");
        }

        parts.Add(TypeName(parameter.Type));
        parts.Add(Escape(parameter.Name));
        if (parameter.HasExplicitDefaultValue)
        {
            parts.Add("= " + Constant(parameter.Type, parameter.ExplicitDefaultValue));
        }

        return string.Join(' ', parts);
    }

    /// <summary>A constant as C# source: <c>default</c> for a value type's default, enum members by name.</summary>
    private static string Constant(ITypeSymbol type, object? value)
    {
        if (value is null)
        {
            return type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
                ? "default"
                : "null";
        }

        var enumType = type.TypeKind == TypeKind.Enum
            ? type as INamedTypeSymbol
            : type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0] as INamedTypeSymbol
                : null;
        if (enumType?.TypeKind != TypeKind.Enum)
        {
            enumType = null;
        }

        if (enumType is not null)
        {
            var member = enumType.GetMembers().OfType<IFieldSymbol>()
                .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
            return member is not null
                ? $"{TypeName(enumType)}.{member.Name}"
                : $"({TypeName(enumType)}){Convert.ToString(value, CultureInfo.InvariantCulture)}";
        }

        return SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)
            ?? Convert.ToString(value, CultureInfo.InvariantCulture)
            ?? string.Empty;
    }

    private static string ReturnType(IMethodSymbol method) =>
        (method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty)
        + TypeName(method.ReturnType);

    private static string RefPrefix(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref ",
        RefKind.RefReadOnly => "ref readonly ",
        _ => string.Empty,
    };

    private static string Constraints(IEnumerable<ITypeParameterSymbol> typeParameters)
    {
        var clauses = new List<string>();
        foreach (var parameter in typeParameters)
        {
            var constraints = new List<string>();
            if (parameter.HasReferenceTypeConstraint)
            {
                constraints.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }

            if (parameter.HasUnmanagedTypeConstraint)
            {
                constraints.Add("unmanaged");
            }
            else if (parameter.HasValueTypeConstraint)
            {
                constraints.Add("struct");
            }

            if (parameter.HasNotNullConstraint)
            {
                constraints.Add("notnull");
            }

            constraints.AddRange(parameter.ConstraintTypes.Select(TypeName));
            if (parameter.HasConstructorConstraint)
            {
                constraints.Add("new()");
            }

            if (parameter.AllowsRefLikeType)
            {
                constraints.Add("allows ref struct");
            }

            if (constraints.Count > 0)
            {
                clauses.Add($" where {parameter.Name} : {string.Join(", ", constraints)}");
            }
        }

        return string.Concat(clauses);
    }

    private static IEnumerable<string> Modifiers(ISymbol member)
    {
        var inInterface = member.ContainingType.TypeKind == TypeKind.Interface;
        if (member.IsStatic)
        {
            yield return "static";
        }

        // Interface members are abstract unless they have a default body: saying so on every line is noise.
        if (member.IsAbstract && !(inInterface && !member.IsStatic))
        {
            yield return "abstract";
        }

        if (member.IsOverride)
        {
            if (member.IsSealed)
            {
                yield return "sealed";
            }

            yield return "override";
        }
        else if (member.IsVirtual)
        {
            yield return "virtual";
        }

        if (member is IMethodSymbol { IsReadOnly: true, MethodKind: MethodKind.Ordinary })
        {
            yield return "readonly";
        }

        if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
        {
            yield return "required";
        }
    }

    private static string Prefix(IEnumerable<string> attributes, string? accessibility = null, IEnumerable<string>? modifiers = null)
    {
        var parts = attributes.ToList();
        if (accessibility is not null)
        {
            parts.Add(accessibility);
        }

        if (modifiers is not null)
        {
            parts.AddRange(modifiers);
        }

        return parts.Count == 0 ? string.Empty : string.Join(' ', parts) + " ";
    }

    private static string Accessibility(ISymbol symbol) => symbol.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static string TypeName(ITypeSymbol type) => type.ToDisplayString(DisplayFormats.Type);

    private static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>
    /// Appends <c>[nullable-oblivious]</c> when a reference type in the signature was compiled without a
    /// nullable context: such a type shows no <c>?</c> yet promises nothing about null.
    /// </summary>
    private static string Mark(string line, ISymbol symbol) =>
        SignatureTypes(symbol).Any(IsOblivious) ? line + " [nullable-oblivious]" : line;

    private static IEnumerable<ITypeSymbol> SignatureTypes(ISymbol symbol) => symbol switch
    {
        IMethodSymbol m => m.Parameters.Select(p => p.Type).Append(m.ReturnType)
            .Concat(m.TypeParameters.SelectMany(t => t.ConstraintTypes)),
        IPropertySymbol p => p.Parameters.Select(x => x.Type).Append(p.Type),
        IFieldSymbol f => [f.Type],
        IEventSymbol e => [e.Type],
        _ => [],
    };

    private static bool IsOblivious(ITypeSymbol type)
    {
        if (type.NullableAnnotation == NullableAnnotation.None
            && (type.IsReferenceType || type is ITypeParameterSymbol { IsValueType: false }))
        {
            return true;
        }

        return type switch
        {
            INamedTypeSymbol named => named.TypeArguments.Any(IsOblivious),
            IArrayTypeSymbol array => IsOblivious(array.ElementType),
            _ => false,
        };
    }
}
