using Microsoft.OpenApi;

namespace KooDrive.Generated.Tests.Support;

/// <summary>Flattens the loaded spec into the shapes the fidelity tests compare against the docs.</summary>
internal static class SpecModel
{
    public sealed record FlatField(string Path, IOpenApiSchema Schema, bool Required);

    public static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation, IOpenApiPathItem Item)> Operations(OpenApiDocument doc) =>
        from path in doc.Paths
        from op in path.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>()
        select (path.Key, op.Key, op.Value, path.Value);

    public static OpenApiOperation Operation(OpenApiDocument doc, string operationId) =>
        Operations(doc).Single(o => o.Operation.OperationId == operationId).Operation;

    /// <summary>Path-level and operation-level parameters, as a client must send them.</summary>
    public static IReadOnlyList<IOpenApiParameter> Parameters(OpenApiDocument doc, string operationId)
    {
        var (_, _, op, item) = Operations(doc).Single(o => o.Operation.OperationId == operationId);
        return [.. item.Parameters ?? [], .. op.Parameters ?? []];
    }

    public static IOpenApiSchema? RequestSchema(OpenApiDocument doc, string operationId) =>
        Operation(doc, operationId).RequestBody?.Content?["application/json"].Schema;

    public static IOpenApiSchema ResponseSchema(OpenApiDocument doc, string operationId, string status = "200") =>
        Operation(doc, operationId).Responses![status].Content!["application/json"].Schema!;

    /// <summary>Every field reachable from <paramref name="schema"/>, with "a[].b" for array items.</summary>
    public static IReadOnlyList<FlatField> Flatten(IOpenApiSchema schema)
    {
        var fields = new List<FlatField>();
        Walk(schema, prefix: "", fields);
        return fields;
    }

    /// <summary>The schema's type without the null flag that <c>nullable: true</c> adds.</summary>
    public static string TypeName(IOpenApiSchema schema)
    {
        var type = schema.Type ?? (schema.AllOf is { Count: > 0 } ? EffectiveType(schema) : null);
        if (type is null)
        {
            return "(none)";
        }

        return (type.Value & ~JsonSchemaType.Null).ToString().ToLowerInvariant();
    }

    private static JsonSchemaType? EffectiveType(IOpenApiSchema schema) =>
        schema.AllOf!.Select(s => s.Type ?? (s.AllOf is { Count: > 0 } ? EffectiveType(s) : null)).FirstOrDefault(t => t is not null)
        ?? (Properties(schema).Count > 0 ? JsonSchemaType.Object : null);

    private static void Walk(IOpenApiSchema schema, string prefix, List<FlatField> fields)
    {
        var required = RequiredNames(schema);
        foreach (var (name, child) in Properties(schema))
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            fields.Add(new FlatField(path, child, required.Contains(name)));
            Descend(child, path, fields);
        }
    }

    private static void Descend(IOpenApiSchema schema, string path, List<FlatField> fields)
    {
        if (schema.Items is { } items)
        {
            var itemPath = path + "[]";
            if (Properties(items).Count == 0)
            {
                fields.Add(new FlatField(itemPath, items, Required: false));
            }
            else
            {
                Walk(items, itemPath, fields);
            }
        }
        else
        {
            Walk(schema, path, fields);
        }
    }

    private static List<KeyValuePair<string, IOpenApiSchema>> Properties(IOpenApiSchema schema)
    {
        var own = schema.Properties?.ToList() ?? [];
        foreach (var part in schema.AllOf ?? [])
        {
            own.AddRange(Properties(part));
        }

        return own;
    }

    private static HashSet<string> RequiredNames(IOpenApiSchema schema)
    {
        var names = new HashSet<string>(schema.Required ?? new HashSet<string>(), StringComparer.Ordinal);
        foreach (var part in schema.AllOf ?? [])
        {
            names.UnionWith(RequiredNames(part));
        }

        return names;
    }
}
