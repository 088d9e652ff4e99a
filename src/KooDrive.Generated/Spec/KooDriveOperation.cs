namespace KooDrive.Generated.Spec;

/// <summary>
/// One operation of the KooDrive API as the generated client calls it. Instances are generated from
/// <c>spec/openapi.yaml</c> (<c>KooDriveOperations</c>, build output) and attached to each request by the
/// generated method, so the pipeline knows the operation without looking at the URL.
/// </summary>
/// <param name="id">The operation ID in the spec, which is the generated method name without <c>Async</c>.</param>
/// <param name="client">The generated client class, e.g. <c>BackupClient</c>.</param>
/// <param name="method">The upper-case HTTP method.</param>
/// <param name="pathTemplate">The path under the base address, parameters in braces.</param>
/// <param name="successType">The model an HTTP 200 body binds to, or null when the spec declares none.</param>
/// <param name="isIdempotent">Whether repeating the call has the effect of one call, so a retry is safe.</param>
internal sealed class KooDriveOperation(string id, string client, string method, string pathTemplate, Type? successType, bool isIdempotent)
{
    /// <summary>The request option the generated method sets.</summary>
    public static readonly HttpRequestOptionsKey<KooDriveOperation> RequestOption = new("KooDrive.Generated.Operation");

    public string Id { get; } = id;

    public string Client { get; } = client;

    public string Method { get; } = method;

    public string PathTemplate { get; } = pathTemplate;

    public Type? SuccessType { get; } = successType;

    public bool IsIdempotent { get; } = isIdempotent;

    /// <summary>The span and log name: <c>Client.Id</c>, e.g. <c>BackupClient.DeleteBackupScopes</c>; low cardinality, no IDs.</summary>
    public string DisplayName { get; } = client + "." + id;

    /// <summary>The operation a generated method attached to <paramref name="request"/>, or null for any other request.</summary>
    public static KooDriveOperation? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(RequestOption, out var operation) ? operation : null;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathTemplate} ({Id})";
}
