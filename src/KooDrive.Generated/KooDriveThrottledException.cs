using KooDrive.Generated.Errors;

namespace KooDrive.Generated;

/// <summary>
/// HTTP 429 Too Many Requests. <see cref="RetryAfter"/> is how long the service asked the caller to wait.
/// </summary>
public sealed class KooDriveThrottledException : KooDriveApiException
{
    internal KooDriveThrottledException(FailedResponse failure)
        : base(failure) => RetryAfter = failure.RetryAfter;

    /// <summary>
    /// How long to wait before retrying, from <c>Retry-After</c> (seconds, or an HTTP date taken relative to the
    /// response's <c>Date</c>, else to the SDK's estimate of the server's clock, as the retry policy does); null
    /// when the header is absent or unreadable. Never negative.
    /// </summary>
    public TimeSpan? RetryAfter { get; }
}
