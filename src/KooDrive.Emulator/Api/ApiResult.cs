using System.Text.Json.Nodes;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Api;

/// <summary>What an operation answers: an HTTP status and a JSON body, before any response-shaping fault.</summary>
internal sealed record ApiResult(int StatusCode, JsonNode Body)
{
    public static ApiResult Ok<T>(T body) => new(StatusCodes.Status200OK, EmulatorJson.ToNode(body));

    /// <summary>The documented error envelope <c>{code, msg}</c>.</summary>
    public static ApiResult Error(int statusCode, int code, string msg) =>
        new(statusCode, EmulatorJson.ToNode(new KooDriveResultModel(code, msg)));

    public static ApiResult InvalidParameter(string detail) =>
        Error(StatusCodes.Status400BadRequest, ServiceCodes.ParameterInvalid, $"{ServiceCodes.ParameterInvalidMessage} {detail}");

    public static ApiResult NotFound() =>
        Error(StatusCodes.Status400BadRequest, ServiceCodes.ResourceNotFound, ServiceCodes.ResourceNotFoundMessage);

    public static ApiResult InnerFailure() =>
        Error(StatusCodes.Status500InternalServerError, ServiceCodes.InnerFailure, ServiceCodes.InnerFailureMessage);
}
