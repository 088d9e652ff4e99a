using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace KooDrive.Emulator.Api;

/// <summary>
/// Checks a JSON body against the operation's request schema in the spec: required members, types,
/// list sizes, lengths, patterns, enums, ranges, and the <c>x-koodrive-not-both-empty</c> and
/// <c>x-koodrive-required-when</c> rules. The first broken rule is returned, naming the member's path.
/// Strings also accept JSON numbers and integers numeric strings, as a Jackson service coerces them (ERRATA D6).
/// </summary>
internal static class BodyRules
{
    private const string NotBothEmpty = "x-koodrive-not-both-empty";

    private const string RequiredWhen = "x-koodrive-required-when";

    public static string? Check(JsonNode? node, IOpenApiSchema schema, string path)
    {
        schema = Unwrap(schema);
        if (node is null)
        {
            return $"{path} must not be null";
        }

        if (IsObject(schema))
        {
            return node is JsonObject obj ? CheckObject(obj, schema, path) : $"{path} must be an object";
        }

        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.Array))
        {
            return node is JsonArray array ? CheckArray(array, schema, path) : $"{path} must be an array";
        }

        if (type.HasFlag(JsonSchemaType.Integer))
        {
            return Text(node) is { } text && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? CheckInteger(number, schema, path)
                : $"{path} must be an integer";
        }

        // A string is a JSON string, or a JSON number read from its exact digits (never a boolean).
        return node is JsonValue scalar && scalar.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            ? CheckString(Text(node)!, schema, path)
            : $"{path} must be a string";
    }

    private static string? CheckObject(JsonObject obj, IOpenApiSchema schema, string path)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var extensions = new List<IDictionary<string, IOpenApiExtension>>();
        Collect(schema, properties, required, extensions);

        foreach (var name in required.Where(name => obj[name] is null))
        {
            return $"{Join(path, name)} is required";
        }

        foreach (var (name, property) in properties)
        {
            if (obj[name] is { } value && Check(value, property, Join(path, name)) is { } problem)
            {
                return problem;
            }
        }

        foreach (var extension in extensions)
        {
            if (Rule(extension, NotBothEmpty) is JsonArray pair && pair.Select(n => n!.GetValue<string>()).ToList() is var names
                && names.All(n => string.IsNullOrEmpty(Text(obj[n]))))
            {
                return $"{string.Join(" and ", names.Select(n => Join(path, n)))} cannot both be empty";
            }

            foreach (var condition in Rule(extension, RequiredWhen)?.AsArray() ?? [])
            {
                var when = condition!["when"]!.AsObject();
                if (when.All(w => Text(obj[w.Key]) == Text(w.Value)))
                {
                    var missing = condition["required"]!.AsArray().Select(n => n!.GetValue<string>()).FirstOrDefault(n => obj[n] is null);
                    if (missing is not null)
                    {
                        return $"{Join(path, missing)} is required when {string.Join(" and ", when.Select(w => $"{w.Key} is {Text(w.Value)}"))}";
                    }
                }
            }
        }

        return null;
    }

    private static string? CheckArray(JsonArray array, IOpenApiSchema schema, string path)
    {
        if (schema.MinItems is { } min && array.Count < min)
        {
            return $"{path} must hold at least {min} items";
        }

        if (schema.MaxItems is { } max && array.Count > max)
        {
            return $"{path} must hold at most {max} items";
        }

        for (var i = 0; i < array.Count && schema.Items is not null; i++)
        {
            if (Check(array[i], schema.Items, $"{path}[{i}]") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CheckInteger(long number, IOpenApiSchema schema, string path)
    {
        if (Bound(schema.Minimum) is { } minimum && number < minimum)
        {
            return $"{path} must be at least {minimum}";
        }

        if (Bound(schema.Maximum) is { } maximum && number > maximum)
        {
            return $"{path} must be at most {maximum}";
        }

        return CheckEnum(number.ToString(CultureInfo.InvariantCulture), schema, path);
    }

    private static string? CheckString(string value, IOpenApiSchema schema, string path)
    {
        if (schema.MinLength is { } minLength && value.Length < minLength)
        {
            return $"{path} must be at least {minLength} characters";
        }

        if (schema.MaxLength is { } maxLength && value.Length > maxLength)
        {
            return $"{path} must be at most {maxLength} characters";
        }

        if (schema.Pattern is { } pattern && !Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            return $"{path} must match {pattern}";
        }

        return CheckEnum(value, schema, path);
    }

    private static string? CheckEnum(string value, IOpenApiSchema schema, string path)
    {
        if (schema.Enum is not { Count: > 0 } allowed)
        {
            return null;
        }

        var names = allowed.Select(Text).ToList();
        return names.Contains(value, StringComparer.Ordinal) ? null : $"{path} must be one of {string.Join(", ", names)}";
    }

    private static void Collect(IOpenApiSchema schema, Dictionary<string, IOpenApiSchema> properties, HashSet<string> required, List<IDictionary<string, IOpenApiExtension>> extensions)
    {
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            properties[name] = property;
        }

        required.UnionWith(schema.Required ?? new HashSet<string>());
        if (schema.Extensions is { Count: > 0 } own)
        {
            extensions.Add(own);
        }

        foreach (var part in schema.AllOf ?? [])
        {
            Collect(part, properties, required, extensions);
        }
    }

    private static JsonNode? Rule(IDictionary<string, IOpenApiExtension> extensions, string name) =>
        extensions.TryGetValue(name, out var extension) && extension is JsonNodeExtension json ? json.Node : null;

    /// <summary>A scalar's text: a string's value, or a number's or boolean's JSON text; <see langword="null"/> for anything else.</summary>
    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
            _ => null,
        }
        : null;

    // An allOf of one schema only adds a description or nullable to it.
    private static IOpenApiSchema Unwrap(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && schema.AllOf is [var only] && schema.Properties is not { Count: > 0 } ? only : schema;

    private static bool IsObject(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 } || (schema.Type ?? 0).HasFlag(JsonSchemaType.Object);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static long? Bound(object? bound) =>
        decimal.TryParse(Convert.ToString(bound, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (long)value
            : null;
}
