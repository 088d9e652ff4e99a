using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KooDrive.CodeGen;

/// <summary>
/// What NSwag generated, read back from its output with Roslyn: each client method's parameters and each
/// model's properties by JSON name. The generator takes names and types from here rather than re-deriving
/// NSwag's naming rules, so the validation it emits always binds to the code NSwag actually wrote.
/// </summary>
public sealed class ClientShape
{
    private readonly Dictionary<string, ClientMethod> _methods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelShape> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumShape> _enums = new(StringComparer.Ordinal);

    private ClientShape()
    {
    }

    /// <summary>Models by class name.</summary>
    public IReadOnlyDictionary<string, ModelShape> Models => _models;

    /// <summary>Enums by type name.</summary>
    public IReadOnlyDictionary<string, EnumShape> Enums => _enums;

    /// <summary>Parses NSwag's generated C#.</summary>
    public static ClientShape Parse(string source)
    {
        var shape = new ClientShape();
        var root = CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot();
        foreach (var type in root.DescendantNodes().OfType<EnumDeclarationSyntax>())
        {
            var members = new List<EnumMemberShape>();
            long next = 0;
            foreach (var member in type.Members)
            {
                var value = member.EqualsValue?.Value is { } expression
                    ? long.Parse(expression.ToString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture)
                    : next;
                var wire = member.AttributeLists.SelectMany(l => l.Attributes)
                    .Where(a => a.Name.ToString().EndsWith("EnumMember", StringComparison.Ordinal))
                    .SelectMany(a => a.ArgumentList?.Arguments ?? default)
                    .Where(a => a.NameEquals?.Name.Identifier.ValueText == "Value")
                    .Select(a => a.Expression is LiteralExpressionSyntax literal ? literal.Token.ValueText : null)
                    .FirstOrDefault();
                members.Add(new EnumMemberShape(member.Identifier.ValueText, value, wire));
                next = value + 1;
            }

            shape._enums[type.Identifier.ValueText] = new EnumShape(type.Identifier.ValueText, members);
        }

        foreach (var type in root.DescendantNodes().OfType<ClassDeclarationSyntax>())
        {
            var name = type.Identifier.ValueText;
            var properties = new List<ModelProperty>();
            foreach (var property in type.Members.OfType<PropertyDeclarationSyntax>())
            {
                if (JsonProperty(property) is { } attribute && JsonName(attribute) is { } json)
                {
                    properties.Add(new ModelProperty(
                        json,
                        property.Identifier.ValueText,
                        property.Type.ToString(),
                        Named(attribute, "Required") ?? "Default",
                        Named(attribute, "NullValueHandling") == "Ignore",
                        Converter(property)));
                }
            }

            if (properties.Count > 0 || type.AttributeLists.Any(l => l.ToString().Contains("JsonObject", StringComparison.Ordinal)))
            {
                var baseType = type.BaseList?.Types.Select(t => t.Type.ToString()).FirstOrDefault();
                var extensionData = type.Members.OfType<PropertyDeclarationSyntax>().Any(p => p.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().EndsWith("JsonExtensionData", StringComparison.Ordinal)));
                shape._models[name] = new ModelShape(name, baseType, properties, extensionData);
            }

            foreach (var method in type.Members.OfType<MethodDeclarationSyntax>())
            {
                var methodName = method.Identifier.ValueText;
                if (method.Modifiers.Any(SyntaxKind.AsyncKeyword) && methodName.EndsWith("Async", StringComparison.Ordinal))
                {
                    var parameters = method.ParameterList.Parameters
                        .Where(p => p.Type?.ToString() != "System.Threading.CancellationToken")
                        .Select(p => new ClientParameter(p.Identifier.ValueText, p.Type!.ToString()))
                        .ToArray();
                    shape._methods[$"{name}.{methodName[..^"Async".Length]}"] = new ClientMethod(name, methodName, parameters);
                }
            }
        }

        return shape;
    }

    /// <summary>The generated method of an operation.</summary>
    public ClientMethod Method(SpecOperation operation) =>
        _methods.TryGetValue($"{operation.Client}.{operation.Id}", out var method)
            ? method
            : throw new SpecException($"NSwag generated no {operation.Client}.{operation.Id}Async for operation {operation.Id}; check its operationId and first tag.");

    /// <summary>A model with every property it inherits, by JSON name.</summary>
    public IReadOnlyDictionary<string, ModelProperty> PropertiesOf(string model)
    {
        var result = new Dictionary<string, ModelProperty>(StringComparer.Ordinal);
        foreach (var property in Chain(model).SelectMany(shape => shape.Properties))
        {
            result.TryAdd(property.JsonName, property);
        }

        return result;
    }

    /// <summary>A model and the generated models it derives from, itself first.</summary>
    public IEnumerable<ModelShape> Chain(string model)
    {
        for (var current = model; current is not null && _models.TryGetValue(current, out var shape); current = shape.BaseType)
        {
            yield return shape;
        }
    }

    private static AttributeSyntax? JsonProperty(PropertyDeclarationSyntax property) =>
        property.AttributeLists.SelectMany(l => l.Attributes)
            .FirstOrDefault(a => a.Name.ToString() is "Newtonsoft.Json.JsonProperty" or "JsonProperty");

    private static string? JsonName(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal
            ? literal.Token.ValueText
            : null;

    // A named argument's enum member, e.g. "Always" for Required = Newtonsoft.Json.Required.Always.
    private static string? Named(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments
            .Where(a => a.NameEquals?.Name.Identifier.ValueText == name)
            .Select(a => a.Expression is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : a.Expression.ToString())
            .FirstOrDefault();

    // The converter type's simple name, from [JsonConverter(typeof(...))], or null.
    private static string? Converter(PropertyDeclarationSyntax property) =>
        property.AttributeLists.SelectMany(l => l.Attributes)
            .Where(a => a.Name.ToString() is "Newtonsoft.Json.JsonConverter" or "JsonConverter")
            .Select(a => a.ArgumentList?.Arguments.FirstOrDefault()?.Expression is TypeOfExpressionSyntax type ? type.Type.ToString().Split('.')[^1] : "?")
            .FirstOrDefault();
}

/// <summary>A generated client method.</summary>
/// <param name="Client">Its class.</param>
/// <param name="Name">Its name, ending in <c>Async</c>.</param>
/// <param name="Parameters">Its parameters in order, without the cancellation token.</param>
public sealed record ClientMethod(string Client, string Name, IReadOnlyList<ClientParameter> Parameters);

/// <summary>A parameter of a generated client method.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="Type">The C# type as written.</param>
public sealed record ClientParameter(string Name, string Type);

/// <summary>A generated model class.</summary>
/// <param name="Name">The class name (the component schema name).</param>
/// <param name="BaseType">Its base class, if any.</param>
/// <param name="Properties">Its own JSON properties.</param>
/// <param name="HasExtensionData">Whether it keeps unknown members (<c>AdditionalProperties</c>).</param>
public sealed record ModelShape(string Name, string? BaseType, IReadOnlyList<ModelProperty> Properties, bool HasExtensionData);

/// <summary>A JSON property of a generated model.</summary>
/// <param name="JsonName">The name on the wire.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">The C# type as written.</param>
/// <param name="Required">Its <c>Required</c> setting: <c>Default</c>, <c>Always</c>, <c>AllowNull</c> or <c>DisallowNull</c>.</param>
/// <param name="IgnoresNull">Whether a null value is left out when writing (<c>NullValueHandling.Ignore</c>).</param>
/// <param name="Converter">The simple name of its <c>[JsonConverter]</c> type, or null.</param>
public sealed record ModelProperty(string JsonName, string Name, string Type, string Required, bool IgnoresNull, string? Converter);

/// <summary>A generated enum.</summary>
/// <param name="Name">The type name.</param>
/// <param name="Members">Its members in declaration order.</param>
public sealed record EnumShape(string Name, IReadOnlyList<EnumMemberShape> Members);

/// <summary>A member of a generated enum.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="Value">Its numeric value.</param>
/// <param name="Wire">Its <c>[EnumMember(Value = ...)]</c> text, or null.</param>
public sealed record EnumMemberShape(string Name, long Value, string? Wire);
