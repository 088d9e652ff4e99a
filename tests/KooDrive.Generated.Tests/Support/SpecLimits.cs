using Microsoft.OpenApi;

namespace KooDrive.Generated.Tests.Support;

/// <summary>
/// Limits read from spec/openapi.yaml, so a test at or past a limit moves with the spec instead of failing with
/// a bare "Expected: 100". Each lookup names the schema and property, and says so when the spec lacks them.
/// </summary>
internal static class SpecLimits
{
    public static int MaxItems(string schema, string property) =>
        Property(schema, property).MaxItems ?? throw Missing(schema, property, "maxItems");

    public static int MinItems(string schema, string property) =>
        Property(schema, property).MinItems ?? throw Missing(schema, property, "minItems");

    public static int MaxLength(string schema, string property) =>
        Property(schema, property).MaxLength ?? throw Missing(schema, property, "maxLength");

    private static IOpenApiSchema Property(string schema, string property)
    {
        if (SpecDocument.Document.Components?.Schemas?.TryGetValue(schema, out var owner) != true)
        {
            throw new InvalidOperationException($"spec/openapi.yaml has no schema '{schema}'.");
        }

        return owner!.Properties?.TryGetValue(property, out var found) == true
            ? found
            : throw new InvalidOperationException($"spec/openapi.yaml has no property '{schema}.{property}'.");
    }

    private static InvalidOperationException Missing(string schema, string property, string keyword) =>
        new($"spec/openapi.yaml gives '{schema}.{property}' no {keyword}.");
}
