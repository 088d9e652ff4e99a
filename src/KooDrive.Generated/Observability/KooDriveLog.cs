using Microsoft.Extensions.Logging;

namespace KooDrive.Generated.Observability;

/// <summary>
/// The SDK's log messages (source-generated). Each names the operation, the method and the path without
/// its query, and the <c>X-Traceid</c>. None carries a header value, a body, a token, a signature or the
/// AppSecret: the arguments below are all there is.
/// </summary>
internal static partial class KooDriveLog
{
    [LoggerMessage(EventId = 1, EventName = "RequestStarting", Level = LogLevel.Debug,
        Message = "KooDrive {Operation} {Method} {Path} starting, trace ID {TraceId}")]
    public static partial void RequestStarting(ILogger logger, string operation, string method, string path, string? traceId);

    [LoggerMessage(EventId = 2, EventName = "ResponseReceived",
        Message = "KooDrive {Operation} {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms after {Attempts} attempt(s), trace ID {TraceId}")]
    public static partial void ResponseReceived(ILogger logger, LogLevel level, string operation, string method, string path, int statusCode, double elapsedMilliseconds, int attempts, string? traceId);

    [LoggerMessage(EventId = 3, EventName = "RetryScheduled", Level = LogLevel.Warning,
        Message = "KooDrive {Method} {Path} attempt {Attempt} failed with {Outcome}; retrying in {DelayMilliseconds} ms, trace ID {TraceId}")]
    public static partial void RetryScheduled(ILogger logger, string method, string path, int attempt, string outcome, double delayMilliseconds, string? traceId);

    [LoggerMessage(EventId = 4, EventName = "RequestFailed", Level = LogLevel.Error,
        Message = "KooDrive {Operation} {Method} {Path} failed with {ErrorType} after {ElapsedMilliseconds} ms and {Attempts} attempt(s), trace ID {TraceId}")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string operation, string method, string path, string errorType, double elapsedMilliseconds, int attempts, string? traceId);

    [LoggerMessage(EventId = 5, EventName = "RequestCanceled", Level = LogLevel.Information,
        Message = "KooDrive {Operation} {Method} {Path} was canceled by the caller after {ElapsedMilliseconds} ms, trace ID {TraceId}")]
    public static partial void RequestCanceled(ILogger logger, string operation, string method, string path, double elapsedMilliseconds, string? traceId);
}
