using KooDrive.Generated.Errors;

namespace KooDrive.Generated;

/// <summary>
/// The root of every failure the KooDrive service reports, or a response the SDK cannot read.
/// </summary>
/// <remarks>
/// The generated part carries <see cref="StatusCode"/>, <see cref="Response"/> (the raw body) and
/// <see cref="Headers"/> (response headers). This part adds what the service says and how to trace it.
/// Typed subclasses exist for the statuses a caller usually handles: <see cref="KooDriveBadRequestException"/>
/// (400), <see cref="KooDriveUnauthorizedException"/> (401), <see cref="KooDriveNotFoundException"/> (404),
/// <see cref="KooDriveThrottledException"/> (429), <see cref="KooDriveServerException"/> (5xx),
/// <see cref="KooDriveServiceErrorException"/> (HTTP 200 with a non-zero <c>code</c>) and
/// <see cref="KooDriveInvalidResponseException"/> (a body that is not the documented JSON). Request headers,
/// and so credentials, are never copied into an exception.
/// </remarks>
public partial class KooDriveApiException
{
    /// <summary>The most characters of the body <see cref="BodyExcerpt"/> keeps.</summary>
    public const int MaxBodyExcerptLength = 1024;

    private readonly bool _hasDetails;
    private string? _serviceCode;
    private string? _serviceMessage;
    private string? _traceId;
    private bool _parsedResponse;

    /// <summary>Creates an exception with the service's own account of the failure.</summary>
    /// <param name="message">What went wrong, for people and logs.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="serviceCode">The envelope's <c>code</c>, as text, or a gateway's <c>error_code</c> (such as <c>APIGW.0101</c>).</param>
    /// <param name="serviceMessage">The envelope's <c>msg</c>, or a gateway's <c>error_msg</c>.</param>
    /// <param name="traceId">The request's <c>X-Traceid</c>.</param>
    /// <param name="response">The raw response body, or the part of it that was read.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The cause, if any.</param>
    public KooDriveApiException(
        string message,
        int statusCode,
        string? serviceCode,
        string? serviceMessage,
        string? traceId,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers ?? new Dictionary<string, IEnumerable<string>>();
        _serviceCode = serviceCode;
        _serviceMessage = serviceMessage;
        _traceId = traceId;
        _hasDetails = true;

        // These exceptions are raised after the pipeline has returned, so no handler gets to record the trace
        // ID the way it does for a failure inside the pipeline; record it here, under the same key.
        if (TraceId is { } id)
        {
            Data[Auth.KooDriveTraceId.ExceptionDataKey] = id;
        }
    }

    /// <summary>
    /// The envelope's <c>code</c> as text (<c>13000201</c> …), or, for a refusal by the API gateway, its
    /// <c>error_code</c> (<c>APIGW.0308</c> …); null when the body has neither.
    /// </summary>
    public string? ServiceCode
    {
        get
        {
            ParseResponseOnce();
            return _serviceCode;
        }
    }

    /// <summary>The envelope's <c>msg</c>, or the gateway's <c>error_msg</c>; null when the body has neither.</summary>
    public string? ServiceMessage
    {
        get
        {
            ParseResponseOnce();
            return _serviceMessage;
        }
    }

    /// <summary>
    /// The <c>X-Traceid</c> the request carried (or, failing that, one the response carried), for support requests.
    /// </summary>
    public string? TraceId => _traceId ?? (Headers is null ? null : TraceIds.FromHeaders(Headers));

    /// <summary>At most <see cref="MaxBodyExcerptLength"/> characters of the raw body, or null when there was none.</summary>
    public string? BodyExcerpt => string.IsNullOrEmpty(Response)
        ? null
        : Response.Length <= MaxBodyExcerptLength ? Response : Response[..MaxBodyExcerptLength];

    // Exceptions the generated code builds itself only have the body; read the envelope from it on demand.
    private void ParseResponseOnce()
    {
        if (_hasDetails || _parsedResponse)
        {
            return;
        }

        var envelope = ResponseEnvelope.Parse(Response);
        _serviceCode = envelope.Code;
        _serviceMessage = envelope.Message;
        _parsedResponse = true;
    }
}
