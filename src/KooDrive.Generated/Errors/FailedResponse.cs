namespace KooDrive.Generated.Errors;

/// <summary>
/// What the SDK learned about a failed call: the one constructor argument of every <see cref="KooDriveApiException"/>
/// type. <see cref="ResponseExceptionMap"/> builds it from the response and picks the exception type.
/// </summary>
/// <param name="Message">What went wrong, for people and logs; never carries request headers or credentials.</param>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ServiceCode">The envelope's <c>code</c> as text, or a gateway's <c>error_code</c>.</param>
/// <param name="ServiceMessage">The envelope's <c>msg</c>, or a gateway's <c>error_msg</c>.</param>
/// <param name="TraceId">The <c>X-Traceid</c> the request carried, else one the response carried.</param>
/// <param name="Body">The raw response body, or the part of it that was read.</param>
/// <param name="Headers">The response and content headers.</param>
/// <param name="Cause">The inner exception, if any.</param>
internal sealed record FailedResponse(
    string Message,
    int StatusCode,
    string? ServiceCode,
    string? ServiceMessage,
    string? TraceId,
    string? Body,
    IReadOnlyDictionary<string, IEnumerable<string>> Headers,
    Exception? Cause)
{
    /// <summary>The wait the response's <c>Retry-After</c> asked for, or null.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
