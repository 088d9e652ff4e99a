using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace KooDrive.Emulator.Api;

/// <summary>
/// Bodies the API gateway in front of KooDrive answers with (Huawei Cloud APIG's own format,
/// <c>{error_msg, error_code, request_id}</c>), for requests that never reach the service.
/// </summary>
internal static class GatewayResponses
{
    public static JsonObject ApiNotFound() =>
        Body("APIGW.0101", "The API does not exist or has not been published in the environment");

    public static JsonObject Throttled() =>
        Body("APIGW.0308", "The throttling threshold has been reached: policy user over ratelimit");

    public static string NewRequestId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static JsonObject Body(string code, string message) => new()
    {
        ["error_msg"] = message,
        ["error_code"] = code,
        ["request_id"] = NewRequestId(),
    };
}
