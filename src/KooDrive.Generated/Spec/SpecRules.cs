using Newtonsoft.Json.Linq;

namespace KooDrive.Generated.Spec;

/// <summary>
/// The parts of the OpenAPI document the SDK enforces at run time: operations with their path, header and
/// query parameter constraints, request bodies and success responses, and the schemas' <c>x-koodrive-*</c>
/// extensions and array item constraints (which the generated data annotations cannot carry).
/// </summary>
internal sealed class SpecRules
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private readonly JObject _document;
    private readonly Dictionary<string, SpecSchema?> _schemas = new(StringComparer.Ordinal);
    private readonly Lock _schemasLock = new();

    private SpecRules(JObject document)
    {
        _document = document;
        Operations = ReadOperations().ToArray();
    }

    public IReadOnlyList<SpecOperation> Operations { get; }

    public static SpecRules Load(JObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new SpecRules(document);
    }

    /// <summary>The operation a request with this method and relative URL calls, or null.</summary>
    public SpecOperation? FindOperation(string method, string relativeUrl)
    {
        var path = relativeUrl;
        var end = path.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            path = path[..end];
        }

        var segments = path.TrimStart('/').Split('/');
        SpecOperation? best = null;
        var bestLiterals = -1;
        foreach (var operation in Operations)
        {
            // The most literal segments win, so /a/b beats /a/{id} for the URL a/b.
            if (operation.Matches(method, segments, out var literals) && literals > bestLiterals)
            {
                best = operation;
                bestLiterals = literals;
            }
        }

        return best;
    }

    /// <summary>The component schema called <paramref name="name"/>, with allOf parts merged, or null.</summary>
    public SpecSchema? FindSchema(string name)
    {
        lock (_schemasLock)
        {
            if (!_schemas.TryGetValue(name, out var schema))
            {
                schema = _document["components"]?["schemas"]?[name] is JObject raw ? BuildSchema(name, raw) : null;
                _schemas[name] = schema;
            }

            return schema;
        }
    }

    private IEnumerable<SpecOperation> ReadOperations()
    {
        if (_document["paths"] is not JObject paths)
        {
            yield break;
        }

        foreach (var (template, value) in paths)
        {
            if (value is not JObject pathItem)
            {
                continue;
            }

            var shared = ReadParameters(pathItem["parameters"]);
            foreach (var method in Methods)
            {
                if (pathItem[method] is not JObject operation)
                {
                    continue;
                }

                // Operation parameters override path parameters with the same name and location.
                var own = ReadParameters(operation["parameters"]);
                var parameters = own
                    .Concat(shared.Where(s => !own.Any(o => o.In == s.In && string.Equals(o.Name, s.Name, StringComparison.OrdinalIgnoreCase))))
                    .ToArray();

                var body = Resolve(operation["requestBody"]);
                var success = Resolve(operation["responses"]?["200"]);
                yield return new SpecOperation(
                    (string?)operation["operationId"] ?? $"{method} {template}",
                    method.ToUpperInvariant(),
                    template,
                    parameters,
                    SchemaName(body?["content"]?["application/json"]?["schema"]),
                    (string?)body?["x-name"],
                    SchemaName(success?["content"]?["application/json"]?["schema"]));
            }
        }
    }

    private SpecParameter[] ReadParameters(JToken? list)
    {
        if (list is not JArray array)
        {
            return [];
        }

        var parameters = new List<SpecParameter>();
        foreach (var item in array)
        {
            var parameter = ResolveParameter(item);
            if (parameter?["name"] is null || parameter["in"] is null)
            {
                throw new InvalidOperationException($"A parameter of the embedded spec does not resolve to a named parameter: {item.ToString(Newtonsoft.Json.Formatting.None)}");
            }

            var name = (string)parameter["name"]!;
            parameters.Add(new SpecParameter(
                name,
                (string?)parameter["x-originalName"] ?? name,
                (string)parameter["in"]!,
                (bool?)parameter["required"] ?? false,
                StringRule.From(Resolve(parameter["schema"]))));
        }

        return [.. parameters];
    }

    private JObject? ResolveParameter(JToken item)
    {
        var resolved = Resolve(item);

        // NSwag writes a reference to a shared parameter as '#/components/parameters/X/schema' (the
        // parameter type derives from its schema type); the parameter is the parent of that pointer.
        if (resolved is not null && resolved["in"] is null && (string?)item["$ref"] is { } pointer && pointer.EndsWith("/schema", StringComparison.Ordinal))
        {
            resolved = Resolve(pointer[..^"/schema".Length]);
        }

        return resolved;
    }

    private SpecSchema BuildSchema(string name, JObject raw)
    {
        var properties = new Dictionary<string, SpecProperty>(StringComparer.Ordinal);
        var notBothEmpty = new List<IReadOnlyList<string>>();
        Collect(raw, properties, notBothEmpty, depth: 0);
        return new SpecSchema(name, properties, notBothEmpty);
    }

    private void Collect(JObject schema, Dictionary<string, SpecProperty> properties, List<IReadOnlyList<string>> notBothEmpty, int depth)
    {
        if (depth > 16)
        {
            throw new InvalidOperationException("The embedded spec nests allOf references more than 16 deep.");
        }

        if (schema["allOf"] is JArray parts)
        {
            foreach (var part in parts)
            {
                if (Resolve(part) is { } resolved)
                {
                    Collect(resolved, properties, notBothEmpty, depth + 1);
                }
            }
        }

        if (schema["x-koodrive-not-both-empty"] is JArray group)
        {
            notBothEmpty.Add(group.Select(v => (string)v!).ToArray());
        }

        if (schema["properties"] is JObject own)
        {
            foreach (var (jsonName, value) in own)
            {
                var property = value as JObject;
                var items = Resolve(property?["items"]);
                properties[jsonName] = new SpecProperty(
                    jsonName,
                    IsId(property),
                    IsId(items),
                    items?["$ref"] is null ? StringRule.From(items) : null);
            }
        }
    }

    private static bool IsId(JObject? schema) => (bool?)schema?["x-koodrive-id"] ?? false;

    private static string? SchemaName(JToken? schema)
    {
        const string prefix = "#/components/schemas/";
        var pointer = (string?)schema?["$ref"];
        return pointer is not null && pointer.StartsWith(prefix, StringComparison.Ordinal) ? pointer[prefix.Length..] : null;
    }

    private JObject? Resolve(JToken? token)
    {
        for (var hops = 0; token is JObject obj && (string?)obj["$ref"] is { } pointer; hops++)
        {
            if (hops > 16)
            {
                throw new InvalidOperationException($"The embedded spec has a reference cycle at '{pointer}'.");
            }

            token = Resolve(pointer);
        }

        return token as JObject;
    }

    private JObject? Resolve(string pointer)
    {
        if (!pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The embedded spec has an external reference '{pointer}', which the SDK does not follow.");
        }

        JToken? current = _document;
        foreach (var raw in pointer[2..].Split('/'))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current is JObject obj ? obj[segment] : null;
        }

        return current as JObject;
    }
}
