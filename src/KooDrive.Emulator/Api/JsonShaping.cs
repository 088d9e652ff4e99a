using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace KooDrive.Emulator.Api;

/// <summary>Response-shaping faults: the wire forms a tolerant reader must survive.</summary>
internal static class JsonShaping
{
    private const string IdMark = "x-koodrive-id";

    /// <summary>
    /// Rewrites every ID the answer's schema marks <c>x-koodrive-id: true</c> (a string, or the items of a
    /// string array) that holds digits as a JSON number with exactly the same digits.
    /// </summary>
    public static void IdsAsNumbers(JsonNode? node, IOpenApiSchema? schema)
    {
        if (node is null || schema is null)
        {
            return;
        }

        foreach (var part in Parts(schema))
        {
            foreach (var (name, property) in part.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (node is not JsonObject obj || obj[name] is not { } value)
                {
                    continue;
                }

                if (IsId(property) && TryNumber(value, out var number))
                {
                    obj[name] = number;
                }
                else if (value is JsonArray items && Unwrap(property).Items is { } itemSchema)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (IsId(itemSchema) && TryNumber(items[i], out var item))
                        {
                            items[i] = item;
                        }
                        else
                        {
                            IdsAsNumbers(items[i], itemSchema);
                        }
                    }
                }
                else
                {
                    IdsAsNumbers(value, property);
                }
            }
        }
    }

    /// <summary>Replaces the <c>failedScopeList</c> array by its first entry (or <c>null</c>), the shape the delete-scopes table documents.</summary>
    public static void FailedScopeListAsObject(JsonNode? node)
    {
        if (node is JsonObject obj && obj["failedScopeList"] is JsonArray list)
        {
            obj["failedScopeList"] = list.Count > 0 ? list[0]!.DeepClone() : null;
        }
    }

    private static bool IsId(IOpenApiSchema schema) =>
        Parts(schema).Any(p => p.Extensions?.TryGetValue(IdMark, out var mark) == true && mark is JsonNodeExtension { Node: JsonValue flag } && IsTrue(flag));

    // The YAML reader may keep a scalar as text.
    private static bool IsTrue(JsonValue flag) => flag.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.String => string.Equals(flag.GetValue<string>(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    // A schema and the schemas its allOf combines (a property's allOf of one $ref only adds a description).
    private static IEnumerable<IOpenApiSchema> Parts(IOpenApiSchema schema) =>
        new[] { schema }.Concat((schema.AllOf ?? []).SelectMany(Parts));

    private static IOpenApiSchema Unwrap(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && schema.AllOf is [var only] ? only : schema;

    private static bool TryNumber(JsonNode? value, out JsonNode? number)
    {
        number = null;
        if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text)
            && text.Length is > 0 and <= 19 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0'))
        {
            // ulong holds every 19-digit value, and writes back exactly the digits read.
            number = JsonValue.Create(ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
            return true;
        }

        return false;
    }
}
