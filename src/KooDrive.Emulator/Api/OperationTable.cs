using System.Reflection;
using KooDrive.Emulator.Spec;
using Microsoft.OpenApi;

namespace KooDrive.Emulator.Api;

/// <summary>
/// The emulator's operations, read from the spec: one per spec operation, joined with the behaviour
/// class of the same operationId. Nothing here lists operations by name.
/// </summary>
internal static class OperationTable
{
    public const string BehaviourSuffix = "Operation";

    public const string BehaviourFolder = "src/KooDrive.Emulator/Operations";

    private static readonly Lazy<IReadOnlyList<ApiOperation>> Embedded = new(() => Build(SpecLoader.EmbeddedDocument, Behaviours()));

    /// <summary>The operations of the spec the emulator was built with.</summary>
    public static IReadOnlyList<ApiOperation> All => Embedded.Value;

    /// <summary>The file that holds (or should hold) the behaviour of an operation.</summary>
    public static string BehaviourFile(string operationId) => $"{BehaviourFolder}/{operationId}{BehaviourSuffix}.cs";

    /// <summary>Every behaviour class of the assembly, by the operationId its name gives.</summary>
    public static IReadOnlyDictionary<string, IOperationBehaviour> Behaviours() =>
        typeof(OperationTable).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IOperationBehaviour).IsAssignableFrom(t))
            .ToDictionary(
                t => t.Name.EndsWith(BehaviourSuffix, StringComparison.Ordinal) ? t.Name[..^BehaviourSuffix.Length] : t.Name,
                t => (IOperationBehaviour)Activator.CreateInstance(t, nonPublic: true)!,
                StringComparer.Ordinal);

    public static IReadOnlyList<ApiOperation> Build(OpenApiDocument spec, IReadOnlyDictionary<string, IOperationBehaviour> behaviours)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in spec.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var parameters = (item.Parameters ?? []).Concat(operation.Parameters ?? [])
                    .Where(p => p.In is ParameterLocation.Query or ParameterLocation.Header)
                    .Select(p => new ApiParameter(p.Name!, p.In!.Value, p.Required, p.Schema!))
                    .ToList();
                operations.Add(new ApiOperation(
                    operation.OperationId!,
                    method.Method.ToUpperInvariant(),
                    path,
                    parameters,
                    Json(operation.RequestBody?.Content)?.Schema,
                    SchemaId(operation.RequestBody?.Content),
                    Json(Ok(operation)?.Content)?.Schema,
                    SchemaId(Ok(operation)?.Content),
                    behaviours.GetValueOrDefault(operation.OperationId!),
                    LeaseOf(operation)));
            }
        }

        return operations;
    }

    /// <summary>The lease the spec gives what an operation grants; the emulator keeps no copy of it.</summary>
    /// <param name="operationId">The operation that grants it.</param>
    /// <returns>The lease.</returns>
    public static TimeSpan Lease(string operationId) =>
        All.SingleOrDefault(o => o.OperationId == operationId)?.Lease
        ?? throw new InvalidOperationException($"The spec gives {operationId} no x-koodrive-lease-seconds.");

    private static TimeSpan? LeaseOf(OpenApiOperation operation) =>
        operation.Extensions?.TryGetValue("x-koodrive-lease-seconds", out var value) == true
        && value is JsonNodeExtension { Node: System.Text.Json.Nodes.JsonValue node }
        && int.TryParse(node.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static IOpenApiResponse? Ok(OpenApiOperation operation)
    {
        IOpenApiResponse? ok = null;
        operation.Responses?.TryGetValue("200", out ok);
        return ok;
    }

    private static string? SchemaId(IDictionary<string, IOpenApiMediaType>? content) =>
        Json(content)?.Schema is OpenApiSchemaReference reference ? reference.Reference.Id : null;

    /// <summary>The <c>application/json</c> entry of a request body's or answer's content.</summary>
    public static IOpenApiMediaType? Json(IDictionary<string, IOpenApiMediaType>? content)
    {
        IOpenApiMediaType? json = null;
        content?.TryGetValue("application/json", out json);
        return json;
    }
}
