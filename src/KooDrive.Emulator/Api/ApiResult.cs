using System.Text.Json.Nodes;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Api;

/// <summary>What an operation answers: an HTTP status and a JSON body, before any response-shaping fault.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="Model">The model a 200 answer was serialised from, checked against the spec's answer schema.</param>
internal sealed record ApiResult(int StatusCode, JsonNode Body, Type? Model = null)
{
    public static ApiResult Ok<T>(T body) => new(StatusCodes.Status200OK, EmulatorJson.ToNode(body), typeof(T));

    /// <summary>The plain success envelope, with the message the operation's page prints.</summary>
    public static ApiResult Success(string msg) => Ok(new KooDriveResultModel(ServiceCodes.Success, msg));

    /// <summary>The documented error envelope <c>{code, msg}</c>.</summary>
    public static ApiResult Error(int statusCode, int code, string msg) =>
        new(statusCode, EmulatorJson.ToNode(new KooDriveResultModel(code, msg)));

    public static ApiResult InvalidParameter(string detail) =>
        Error(StatusCodes.Status400BadRequest, ServiceCodes.ParameterInvalid, $"{ServiceCodes.ParameterInvalidMessage} {detail}");

    /// <summary>An emulator-specific error (envelope code <see cref="ServiceCodes.EmulatorFailure"/>): the emulator, not the service, cannot answer.</summary>
    public static ApiResult EmulatorError(int statusCode, string msg) => Error(statusCode, ServiceCodes.EmulatorFailure, msg);

    public static ApiResult NotFound() =>
        Error(StatusCodes.Status400BadRequest, ServiceCodes.ResourceNotFound, ServiceCodes.ResourceNotFoundMessage);

    public static ApiResult InnerFailure() =>
        Error(StatusCodes.Status500InternalServerError, ServiceCodes.InnerFailure, ServiceCodes.InnerFailureMessage);
}
