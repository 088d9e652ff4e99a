using KooDrive.Generated.Errors;

namespace KooDrive.Generated;

/// <summary>
/// The root of every failure the KooDrive service reports, or a response the SDK cannot read.
/// </summary>
/// <remarks>
/// Typed subclasses exist for the statuses a caller usually handles: <see cref="KooDriveBadRequestException"/>
/// (400), <see cref="KooDriveUnauthorizedException"/> (401), <see cref="KooDriveNotFoundException"/> (404),
/// <see cref="KooDriveThrottledException"/> (429), <see cref="KooDriveServerException"/> (5xx),
/// <see cref="KooDriveServiceErrorException"/> (HTTP 200 with a non-zero <c>code</c>) and
/// <see cref="KooDriveInvalidResponseException"/> (a body that is not the documented JSON). Request headers,
/// and so credentials, are never copied into an exception.
/// </remarks>
public class KooDriveApiException : Exception
{
    /// <summary>The most characters of the body <see cref="BodyExcerpt"/> keeps.</summary>
    public const int MaxBodyExcerptLength = 1024;

    internal KooDriveApiException(FailedResponse failure)
        : base(failure.Message, failure.Cause)
    {
        StatusCode = failure.StatusCode;
        Response = failure.Body;
        Headers = failure.Headers;
        ServiceCode = failure.ServiceCode;
        ServiceMessage = failure.ServiceMessage;
        TraceId = failure.TraceId;

        // These exceptions are raised after the pipeline has returned, so no handler gets to record the trace
        // ID the way it does for a failure inside the pipeline; record it here, under the same key.
        if (TraceId is { } id)
        {
            Data[Auth.KooDriveTraceId.ExceptionDataKey] = id;
        }
    }

    // The shape NSwag's generated methods call (exceptionClass in nswag.json), only in branches the map leaves
    // unreachable: ProcessResponseAsync has thrown for every status but 200, and the body reader refuses a null body.
    internal KooDriveApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(ResponseExceptionMap.FromGeneratedCode(message, statusCode, response, headers, innerException))
    {
    }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The raw response body, or the part of it that was read; null when none could be read.</summary>
    public string? Response { get; }

    /// <summary>The response and content headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>
    /// The envelope's <c>code</c> as text (<c>13000201</c> …), or, for a refusal by the API gateway, its
    /// <c>error_code</c> (<c>APIGW.0308</c> …); null when the body has neither.
    /// </summary>
    public string? ServiceCode { get; }

    /// <summary>The envelope's <c>msg</c>, or the gateway's <c>error_msg</c>; null when the body has neither.</summary>
    public string? ServiceMessage { get; }

    /// <summary>
    /// The <c>X-Traceid</c> the request carried (or, failing that, one the response carried), for support requests.
    /// </summary>
    public string? TraceId { get; }

    /// <summary>At most <see cref="MaxBodyExcerptLength"/> characters of the raw body, or null when there was none.</summary>
    public string? BodyExcerpt => string.IsNullOrEmpty(Response)
        ? null
        : Response.Length <= MaxBodyExcerptLength ? Response : Response[..MaxBodyExcerptLength];
}
