namespace KooDrive.Generated;

/// <summary>
/// A response the SDK cannot read as the documented JSON: an empty body, an HTML page, truncated or malformed JSON, no <c>code</c>, or a value the spec does not allow (for example an ID whose digits were rounded). The parse error, if any, is the inner exception.
/// </summary>
public sealed class KooDriveInvalidResponseException : KooDriveApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, for people and logs.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="serviceCode">The envelope's <c>code</c>, as text.</param>
    /// <param name="serviceMessage">The envelope's <c>msg</c>.</param>
    /// <param name="traceId">The request's <c>X-Traceid</c>.</param>
    /// <param name="response">The raw response body, or the part of it that was read.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The cause, if any.</param>
    public KooDriveInvalidResponseException(
        string message,
        int statusCode,
        string? serviceCode,
        string? serviceMessage,
        string? traceId,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        Exception? innerException)
        : base(message, statusCode, serviceCode, serviceMessage, traceId, response, headers, innerException)
    {
    }
}
