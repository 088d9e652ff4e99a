using System.Text.Json;
using System.Text.Json.Nodes;
using KooDrive.Emulator.Faults;

namespace KooDrive.Emulator.Api;

/// <summary>Writes an operation's answer, applying a response-shaping fault if one was taken for the request.</summary>
internal static class ResponseWriter
{
    public const string JsonContentType = "application/json;charset=UTF-8";

    public static Task WriteAsync(HttpContext context, ApiResult result, EmulatorFault? fault, Microsoft.OpenApi.IOpenApiSchema? schema = null)
    {
        var body = result.Body;
        switch (fault?.Kind)
        {
            case EmulatorFaultKind.IdsAsNumbers:
                JsonShaping.IdsAsNumbers(body, schema);
                break;
            case EmulatorFaultKind.FailedScopeListAsObject:
                JsonShaping.FailedScopeListAsObject(body);
                break;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        if (fault?.Kind == EmulatorFaultKind.TruncatedJson)
        {
            // A complete HTTP message whose JSON stops half-way: Content-Length matches what is sent.
            bytes = bytes[..Math.Max(1, bytes.Length / 2)];
        }

        return WriteBytesAsync(context, result.StatusCode, JsonContentType, bytes);
    }

    public static Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body) =>
        WriteBytesAsync(context, statusCode, JsonContentType, JsonSerializer.SerializeToUtf8Bytes(body));

    public static async Task WriteBytesAsync(HttpContext context, int statusCode, string contentType, byte[] bytes)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
