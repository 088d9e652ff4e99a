using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace KooDrive.CodeGen;

/// <summary>Loads <c>spec/openapi.yaml</c> with Microsoft.OpenApi and answers the questions the emitters ask of it.</summary>
public static class SpecReader
{
    /// <summary>Loads a spec; any reader error fails generation, since a half-read spec would generate half the rules.</summary>
    public static OpenApiDocument Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Loads a spec from YAML (or JSON) text.</summary>
    public static OpenApiDocument Load(Stream yaml, string displayName)
    {
        var settings = new OpenApiReaderSettings();
        settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
        using var buffer = new MemoryStream();
        yaml.CopyTo(buffer);
        buffer.Position = 0;
        var result = OpenApiDocument.Load(buffer, OpenApiConstants.Yaml, settings);
        if (result.Document is null || result.Diagnostic?.Errors.Count > 0)
        {
            var errors = string.Join("; ", result.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []);
            throw new SpecException($"{displayName} did not load: {errors}");
        }

        return result.Document;
    }

    /// <summary>The spec's operations in document order (paths, then methods as listed).</summary>
    public static IReadOnlyList<SpecOperation> Operations(OpenApiDocument document)
    {
        var operations = new List<SpecOperation>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var id = operation.OperationId
                    ?? throw new SpecException($"{method.Method} {path} has no operationId; every operation needs one (it is the C# method name).");
                var tag = operation.Tags?.FirstOrDefault()?.Name
                    ?? throw new SpecException($"{id} has no tag; the first tag names its client.");
                var own = operation.Parameters ?? [];
                var shared = (item.Parameters ?? []).Where(s => !own.Any(o => o.In == s.In && string.Equals(o.Name, s.Name, StringComparison.OrdinalIgnoreCase)));
                var body = operation.RequestBody;
                var success = operation.Responses?.TryGetValue("200", out var ok) == true ? ok : null;
                operations.Add(new SpecOperation(
                    id,
                    tag + "Client",
                    method.Method.ToUpperInvariant(),
                    path,
                    [.. own, .. shared],
                    body?.Content?.TryGetValue("application/json", out var bodyType) == true ? bodyType.Schema : null,
                    body?.Required ?? false,
                    success?.Content?.TryGetValue("application/json", out var successType) == true ? successType.Schema : null,
                    Flag(operation.Extensions, "x-koodrive-idempotent"),
                    operation.Extensions?.TryGetValue("x-koodrive-paging", out var paging) == true && paging is JsonNodeExtension { Node: JsonObject node } ? node : null,
                    LeaseSeconds(id, operation.Extensions)));
            }
        }

        return operations;
    }

    /// <summary>The spec's <c>x-koodrive-lease-seconds</c>: how long what the operation grants lasts; null when absent.</summary>
    private static int? LeaseSeconds(string operationId, IDictionary<string, IOpenApiExtension>? extensions)
    {
        if (extensions?.TryGetValue("x-koodrive-lease-seconds", out var value) != true)
        {
            return null;
        }

        // The YAML reader may hand a scalar over as its text.
        var text = value is JsonNodeExtension { Node: JsonValue node } ? node.ToString() : null;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : throw new SpecException($"x-koodrive-lease-seconds of {operationId} must be a positive whole number of seconds.");
    }

    /// <summary>The component name a schema refers to, or null for an inline schema.</summary>
    public static string? ReferenceId(IOpenApiSchema? schema) => schema is OpenApiSchemaReference reference ? reference.Reference.Id : null;

    /// <summary>A boolean extension: true, false, or null when absent.</summary>
    public static bool? Flag(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        extensions?.TryGetValue(name, out var value) == true && value is JsonNodeExtension { Node: JsonValue node } && node.TryGetValue<bool>(out var flag)
            ? flag
            : null;

    /// <summary>A string-array extension, or null when absent.</summary>
    public static IReadOnlyList<string>? Strings(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        extensions?.TryGetValue(name, out var value) == true && value is JsonNodeExtension { Node: JsonArray array }
            ? array.Select(n => n?.GetValue<string>() ?? throw new SpecException($"{name} holds a null entry.")).ToArray()
            : null;
}

/// <summary>One operation of the spec, as the generator reads it.</summary>
/// <param name="Id">The operationId: the C# method name without <c>Async</c>.</param>
/// <param name="Client">The generated client class: the first tag plus <c>Client</c>.</param>
/// <param name="Method">The upper-case HTTP method.</param>
/// <param name="PathTemplate">The path, parameters in braces.</param>
/// <param name="Parameters">Path-level and operation-level parameters (operation ones win).</param>
/// <param name="RequestBody">The JSON request body schema, if any.</param>
/// <param name="RequestBodyRequired">Whether the body is required.</param>
/// <param name="Success">The HTTP 200 JSON schema, if any.</param>
/// <param name="Idempotent">The spec's <c>x-koodrive-idempotent</c>, when it says.</param>
/// <param name="Paging">The spec's <c>x-koodrive-paging</c>, when it has one.</param>
/// <param name="LeaseSeconds">The spec's <c>x-koodrive-lease-seconds</c>: how long what the operation grants (a lock) lasts.</param>
public sealed record SpecOperation(
    string Id,
    string Client,
    string Method,
    string PathTemplate,
    IReadOnlyList<IOpenApiParameter> Parameters,
    IOpenApiSchema? RequestBody,
    bool RequestBodyRequired,
    IOpenApiSchema? Success,
    bool? Idempotent,
    JsonObject? Paging = null,
    int? LeaseSeconds = null)
{
    /// <summary>
    /// Whether repeating the call has the effect of one call: the spec's word when it gives one, else the
    /// method's (RFC 9110 §9.2.2: GET, HEAD, OPTIONS, PUT and DELETE are idempotent; POST and PATCH are not).
    /// </summary>
    public bool IsIdempotent => Idempotent ?? Method is "GET" or "HEAD" or "OPTIONS" or "PUT" or "DELETE";
}

/// <summary>The spec cannot be turned into code; the message says where and why.</summary>
public sealed class SpecException(string message) : Exception(message);
