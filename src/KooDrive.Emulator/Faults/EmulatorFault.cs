namespace KooDrive.Emulator.Faults;

/// <summary>
/// A fault to inject into the next <see cref="Count"/> requests of a route. Create one with the factory
/// methods, e.g. <c>EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(2)).Times(3)</c>.
/// </summary>
public sealed record EmulatorFault
{
    private EmulatorFault(EmulatorFaultKind kind, int statusCode)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    /// <summary>What the fault does.</summary>
    public EmulatorFaultKind Kind { get; }

    /// <summary>How many matching requests the fault applies to (at least 1).</summary>
    public int Count { get; private init; } = 1;

    /// <summary>The HTTP status of faults that answer in place of the service (0 for the others).</summary>
    public int StatusCode { get; }

    /// <summary>How long a <see cref="EmulatorFaultKind.Delay"/> fault waits.</summary>
    public TimeSpan Duration { get; private init; }

    /// <summary>The delay a 429 announces in <c>Retry-After</c>; <see langword="null"/> sends no header.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>How <see cref="RetryAfter"/> is written.</summary>
    public RetryAfterFormat RetryAfterFormat { get; private init; }

    /// <summary>A 5xx answer with the <c>{code: 13000201, msg}</c> envelope.</summary>
    /// <param name="statusCode">500 to 599.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault ServerError(int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new EmulatorFault(EmulatorFaultKind.ServerError, statusCode);
    }

    /// <summary>HTTP 429 with the gateway's throttling body.</summary>
    /// <param name="retryAfter">The delay to announce, whole seconds (rounded up); <see langword="null"/> for no <c>Retry-After</c>.</param>
    /// <param name="format">Seconds or HTTP-date.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault TooManyRequests(TimeSpan? retryAfter = null, RetryAfterFormat format = RetryAfterFormat.Seconds)
    {
        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), "Retry-After cannot be negative.");
        }

        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format));
        }

        return new EmulatorFault(EmulatorFaultKind.TooManyRequests, 429) { RetryAfter = retryAfter, RetryAfterFormat = format };
    }

    /// <summary>Waits, then handles the request normally.</summary>
    /// <param name="duration">How long to wait (cancelled when the client gives up).</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Delay(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return new EmulatorFault(EmulatorFaultKind.Delay, 0) { Duration = duration };
    }

    /// <summary>Drops the connection without an answer.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault ConnectionAbort() => new(EmulatorFaultKind.ConnectionAbort, 0);

    /// <summary>Sends only the first half of the JSON body.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault TruncatedJson() => new(EmulatorFaultKind.TruncatedJson, 0);

    /// <summary>An HTML error page, as a proxy in front of the service might send.</summary>
    /// <param name="statusCode">400 to 599; 502 by default.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault HtmlErrorPage(int statusCode = 502)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new EmulatorFault(EmulatorFaultKind.HtmlErrorPage, statusCode);
    }

    /// <summary>Writes IDs (<c>scopeId</c>, <c>deviceId</c>, <c>scopeIdList</c> items, ...) as JSON numbers.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault IdsAsNumbers() => new(EmulatorFaultKind.IdsAsNumbers, 0);

    /// <summary>Writes <c>failedScopeList</c> as a single object (the first failure; <c>null</c> when there is none).</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault FailedScopeListAsObject() => new(EmulatorFaultKind.FailedScopeListAsObject, 0);

    /// <summary>The same fault for the next <paramref name="count"/> matching requests.</summary>
    /// <param name="count">At least 1.</param>
    /// <returns>A copy with <see cref="Count"/> set.</returns>
    public EmulatorFault Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return this with { Count = count };
    }
}
