using System.Globalization;
using System.Text.Json.Nodes;
using KooDrive.DocSync.Facts;
using Microsoft.OpenApi;

namespace KooDrive.DocSync.Spec;

/// <summary>
/// Reads the facts a page could state from one operation of the spec, in the same vocabulary as
/// <see cref="PageFacts"/>: only what a page can say is read (no nullability, no <c>x-</c> markers).
/// </summary>
public static class SpecFacts
{
    /// <summary>Separates the alternatives of a parameter's <c>examples</c> (any one may match the page).</summary>
    public const string AlternativeSeparator = " | ";

    /// <summary>The operation at <paramref name="method"/> <paramref name="path"/>, if the spec has it.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path template, exactly as the page prints it.</param>
    /// <returns>The path item and operation, or <see langword="null"/>.</returns>
    public static (IOpenApiPathItem Item, OpenApiOperation Operation)? Find(OpenApiDocument spec, string method, string path)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Paths is null || !spec.Paths.TryGetValue(path, out var item) || item.Operations is null)
        {
            return null;
        }

        var op = item.Operations.FirstOrDefault(o => string.Equals(o.Key.Method, method, StringComparison.OrdinalIgnoreCase));
        return op.Value is null ? null : (item, op.Value);
    }

    /// <summary>The facts of one operation.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="item">The operation's path item.</param>
    /// <param name="op">The operation.</param>
    /// <returns>Fact values by key.</returns>
    public static IReadOnlyDictionary<FactKey, string> Read(OpenApiDocument spec, IOpenApiPathItem item, OpenApiOperation op)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(op);
        var id = op.OperationId ?? "(no operationId)";
        var facts = new Dictionary<FactKey, string>();
        void Add(string location, string field, string aspect, string? value)
        {
            if (value is not null)
            {
                facts.TryAdd(new FactKey(id, location, field, aspect), PageFacts.Clean(value));
            }
        }

        Add("operation", "-", "summary", op.Summary);
        Add("operation", "-", "description", op.Description);

        // Operation-level parameters override path-level ones of the same name and location.
        var parameters = (op.Parameters ?? []).Concat(item.Parameters ?? [])
            .DistinctBy(p => (p.Name, p.In));
        foreach (var parameter in parameters)
        {
            var location = parameter.In?.ToString().ToLowerInvariant() ?? "(none)";
            var name = location == "header" ? parameter.Name!.ToLowerInvariant() : parameter.Name!;
            Add(location, name, "required", parameter.Required ? "yes" : "no");
            if (parameter.Schema is { } schema)
            {
                AddSchema(Add, location, name, schema);
            }

            var examples = new[] { parameter.Example }.Concat(parameter.Examples?.Values.Select(e => e.Value) ?? [])
                .Where(e => e is not null).Select(e => ScalarText(e!)).ToList();
            if (examples.Count > 0)
            {
                Add(location, name, "example", string.Join(AlternativeSeparator, examples));
            }
        }

        foreach (var (header, required) in SecurityHeaders(spec, op))
        {
            Add("header", header, "required", required ? "yes" : "no");
            Add("header", header, "type", "string");
        }

        if (op.RequestBody is { } body)
        {
            Add("body", "-", "required", body.Required ? "yes" : "no");
            if (Json(body.Content) is { } media)
            {
                if (media.Schema is { } schema)
                {
                    AddProperties(Add, "body", "", schema, withRequired: true, []);
                }

                AddExample(Add, "request-example", null, media);
            }
        }

        foreach (var (status, response) in op.Responses ?? [])
        {
            Add("responses", status, "description", response.Description);
            if (Json(response.Content) is not { } media || !int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            if (status == "200" && media.Schema is { } schema)
            {
                AddProperties(Add, "response", "", schema, withRequired: false, []);
            }

            AddExample(Add, "response-example", status, media);
        }

        return facts;
    }

    /// <summary>The schema's type in the comparison's vocabulary (<see cref="Pages.PageTypes.Normalize"/>).</summary>
    /// <param name="schema">The schema.</param>
    /// <returns><c>string</c>, <c>integer</c>, <c>object</c>, <c>array of string</c>, ... or <c>(none)</c>.</returns>
    public static string TypeName(IOpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var type = Chain(schema).Select(s => s.Type & ~JsonSchemaType.Null).FirstOrDefault(t => t is not null and not 0);
        if (type is null)
        {
            return Properties(schema).Count > 0 ? "object" : FactValues.None;
        }

        if (type == JsonSchemaType.Array)
        {
            var items = Chain(schema).Select(s => s.Items).FirstOrDefault(i => i is not null);
            return items is null ? "array" : $"array of {TypeName(items)}";
        }

        return type.Value.ToString().ToLowerInvariant();
    }

    /// <summary>The schema and the schemas it includes through <c>allOf</c>, depth first.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>The schemas whose keywords apply.</returns>
    public static IEnumerable<IOpenApiSchema> Chain(IOpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        yield return schema;
        foreach (var part in schema.AllOf ?? [])
        {
            foreach (var inner in Chain(part))
            {
                yield return inner;
            }
        }
    }

    /// <summary>The properties of a schema, its <c>allOf</c> parts included.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>Name and schema pairs, in declaration order.</returns>
    public static List<KeyValuePair<string, IOpenApiSchema>> Properties(IOpenApiSchema schema) =>
        [.. Chain(schema).SelectMany(s => s.Properties ?? new Dictionary<string, IOpenApiSchema>()).DistinctBy(p => p.Key)];

    private static HashSet<string> RequiredNames(IOpenApiSchema schema) =>
        [.. Chain(schema).SelectMany(s => s.Required ?? new HashSet<string>())];

    private static void AddProperties(Action<string, string, string, string?> add, string location, string prefix, IOpenApiSchema schema, bool withRequired, HashSet<IOpenApiSchema> visiting)
    {
        if (!visiting.Add(schema))
        {
            return;
        }

        var required = RequiredNames(schema);
        foreach (var (name, child) in Properties(schema))
        {
            var field = prefix + name;
            if (withRequired)
            {
                add(location, field, "required", required.Contains(name) ? "yes" : "no");
            }

            AddSchema(add, location, field, child);
            var items = Chain(child).Select(s => s.Items).FirstOrDefault(i => i is not null);
            var nested = TypeName(child) == "object" ? child : items is not null && TypeName(items) == "object" ? items : null;
            if (nested is not null)
            {
                AddProperties(add, location, field + ".", nested, withRequired, visiting);
            }
        }

        visiting.Remove(schema);
    }

    private static void AddSchema(Action<string, string, string, string?> add, string location, string field, IOpenApiSchema schema)
    {
        add(location, field, "type", TypeName(schema));
        AddConstraints(add, location, field, schema);
        var items = Chain(schema).Select(s => s.Items).FirstOrDefault(i => i is not null);
        if (items is not null && TypeName(items) != "object")
        {
            // A page cannot state constraints of the items of a list of scalars: any the spec adds are reported.
            AddConstraints(add, location, field + "[]", items);
        }
    }

    private static void AddConstraints(Action<string, string, string, string?> add, string location, string field, IOpenApiSchema schema)
    {
        var chain = Chain(schema).ToList();
        T? First<T>(Func<IOpenApiSchema, T?> get) => chain.Select(get).FirstOrDefault(v => v is not null);
        var min = First(s => s.MinLength);
        var max = First(s => s.MaxLength);
        if (min is not null && min == max)
        {
            add(location, field, "length", Text(min));
        }
        else
        {
            add(location, field, "minLength", Text(min));
            add(location, field, "maxLength", Text(max));
        }

        add(location, field, "minItems", Text(First(s => s.MinItems)));
        add(location, field, "maxItems", Text(First(s => s.MaxItems)));
        add(location, field, "minimum", First(s => s.Minimum));
        add(location, field, "maximum", First(s => s.Maximum));
        add(location, field, "pattern", First(s => s.Pattern));
        var values = First(s => s.Enum is { Count: > 0 } e ? e : null);
        if (values is not null)
        {
            var texts = values.Select(v => v is null ? "null" : ScalarText(v)).ToList();
            add(location, field, "enum", string.Join(", ", texts));
            var owner = chain.First(s => s.Enum is { Count: > 0 });
            if (owner.Extensions?.TryGetValue("x-enum-descriptions", out var described) == true && described is JsonNodeExtension { Node: JsonArray meanings })
            {
                add(location, field, "enumMeanings", string.Join("; ", texts.Zip(meanings, (v, m) => $"{v}: {m?.GetValue<string>()}")).ToLowerInvariant());
            }
        }
    }

    private static void AddExample(Action<string, string, string, string?> add, string location, string? status, IOpenApiMediaType media)
    {
        var named = media.Examples?.OrderBy(e => e.Key == "documented" ? 0 : 1).Select(e => e.Value).FirstOrDefault();
        var value = named?.Value ?? media.Example;
        if (value is null)
        {
            return;
        }

        add(location, PageFacts.ExampleField(status, "-"), "summary", named?.Summary);
        foreach (var (path, leaf) in PageFacts.Leaves(value))
        {
            add(location, PageFacts.ExampleField(status, path), "value", leaf);
        }
    }

    /// <summary>The lower-case names of the headers the spec's security schemes carry (Authorization, X-User-Id, X-Date).</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The header names.</returns>
    public static HashSet<string> SecurityHeaderNames(OpenApiDocument spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [.. (spec.Security ?? []).SelectMany(r => r.Keys).Select(HeaderOf).OfType<string>()];
    }

    private static List<(string Header, bool Required)> SecurityHeaders(OpenApiDocument spec, OpenApiOperation op)
    {
        var requirements = (op.Security ?? spec.Security ?? []).ToList();
        if (requirements.Count == 0)
        {
            return [];
        }

        var perRequirement = requirements.Select(r => r.Keys.Select(HeaderOf).OfType<string>().ToHashSet(StringComparer.Ordinal)).ToList();
        var all = perRequirement.SelectMany(h => h).Distinct(StringComparer.Ordinal);
        return all.Select(h => (h, perRequirement.TrueForAll(set => set.Contains(h)))).ToList();
    }

    private static string? HeaderOf(IOpenApiSecurityScheme scheme) => scheme.Type switch
    {
        SecuritySchemeType.Http or SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect => "authorization",
        SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Header => scheme.Name?.ToLowerInvariant(),
        _ => null,
    };

    private static IOpenApiMediaType? Json(IDictionary<string, IOpenApiMediaType>? content) =>
        content is null ? null : content.FirstOrDefault(c => c.Key.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)).Value;

    private static string ScalarText(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString(PageFacts.JsonText);

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
