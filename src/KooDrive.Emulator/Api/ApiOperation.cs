using Microsoft.OpenApi;

namespace KooDrive.Emulator.Api;

/// <summary>
/// One operation of the spec as the emulator serves it: everything the spec says about it (route,
/// parameters, body and answer schemas), and the hand-written behaviour, if there is one yet.
/// </summary>
/// <param name="OperationId">The spec's operationId.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The path template, spelled as in the spec.</param>
/// <param name="Parameters">The spec's query and header parameters (path parameters are the route's).</param>
/// <param name="RequestSchema">The schema of the JSON body, or <see langword="null"/> when there is none.</param>
/// <param name="RequestSchemaId">The name of that schema.</param>
/// <param name="ResponseSchema">The schema of the 200 answer.</param>
/// <param name="ResponseSchemaId">The name of that schema.</param>
/// <param name="Behaviour">The handler, or <see langword="null"/> when the emulator has none yet (it then answers 501).</param>
/// <param name="Lease">How long what the operation grants lasts (the spec's <c>x-koodrive-lease-seconds</c>), or <see langword="null"/>.</param>
internal sealed record ApiOperation(
    string OperationId,
    string Method,
    string PathTemplate,
    IReadOnlyList<ApiParameter> Parameters,
    IOpenApiSchema? RequestSchema,
    string? RequestSchemaId,
    IOpenApiSchema? ResponseSchema,
    string? ResponseSchemaId,
    IOperationBehaviour? Behaviour,
    TimeSpan? Lease = null);

/// <summary>A query or header parameter of an operation, as the spec declares it.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="In">Query or header.</param>
/// <param name="Required">Whether the spec requires it.</param>
/// <param name="Schema">Its schema (type, enum, range, length, pattern).</param>
internal sealed record ApiParameter(string Name, ParameterLocation In, bool Required, IOpenApiSchema Schema);
