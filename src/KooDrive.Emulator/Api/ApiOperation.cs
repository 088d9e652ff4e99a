namespace KooDrive.Emulator.Api;

/// <summary>
/// One operation of the spec as the emulator implements it: its route, the models its body and 200
/// answer serialise as (checked against the spec's schemas), the header parameters it requires, and its handler.
/// </summary>
internal sealed record ApiOperation(
    string OperationId,
    string Method,
    string PathTemplate,
    Type? RequestModel,
    Type ResponseModel,
    IReadOnlyList<string> RequiredHeaders,
    Func<ApiRequest, ApiResult> Handle);
