namespace KooDrive.Generated;

/// <summary>
/// HTTP 429 Too Many Requests. <see cref="RetryAfter"/> is how long the service asked the caller to wait.
/// </summary>
public sealed class KooDriveThrottledException : KooDriveApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, for people and logs.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="serviceCode">The envelope's <c>code</c>, as text.</param>
    /// <param name="serviceMessage">The envelope's <c>msg</c>.</param>
    /// <param name="traceId">The request's <c>X-Traceid</c>.</param>
    /// <param name="response">The raw response body, or the part of it that was read.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="retryAfter">The wait the <c>Retry-After</c> header asked for, or null.</param>
    /// <param name="innerException">The cause, if any.</param>
    public KooDriveThrottledException(
        string message,
        int statusCode,
        string? serviceCode,
        string? serviceMessage,
        string? traceId,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        TimeSpan? retryAfter,
        Exception? innerException)
        : base(message, statusCode, serviceCode, serviceMessage, traceId, response, headers, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>
    /// How long to wait before retrying, from <c>Retry-After</c> (seconds, or an HTTP date taken relative to the
    /// response's <c>Date</c>, else to the SDK's estimate of the server's clock, as the retry policy does); null
    /// when the header is absent or unreadable. Never negative.
    /// </summary>
    public TimeSpan? RetryAfter { get; }
}
