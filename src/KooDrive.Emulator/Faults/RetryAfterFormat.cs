namespace KooDrive.Emulator.Faults;

/// <summary>How a 429 fault writes its <c>Retry-After</c> header (RFC 9110 §10.2.3 allows both).</summary>
public enum RetryAfterFormat
{
    /// <summary>Delay in whole seconds, e.g. <c>Retry-After: 2</c>.</summary>
    Seconds,

    /// <summary>An HTTP-date, e.g. <c>Retry-After: Tue, 03 Nov 2025 07:01:42 GMT</c>.</summary>
    HttpDate,
}
