using KooDrive.Generated.Auth;

namespace KooDrive.Generated.Resilience;

/// <summary>Reads the wait a server asks for in <c>Retry-After</c>, in either of its two forms.</summary>
/// <remarks>
/// Microsoft.Extensions.Http.Resilience's own <c>ShouldRetryAfterHeader</c> subtracts the local system clock
/// from an HTTP-date, which is wrong by the whole client/server clock offset (the very offset
/// <see cref="KooDriveClock"/> exists to learn) and ignores an injected <see cref="TimeProvider"/>. Here an
/// HTTP-date is measured against the response's own <c>Date</c> (both are server time), else against the
/// server time estimated by the clock; only without either (a pipeline not built by the SDK) against the
/// system clock.
/// </remarks>
internal static class RetryAfter
{
    /// <summary>The request option holding the pipeline's shared clock, set by <see cref="KooDriveResilienceHandler"/>.</summary>
    public static readonly HttpRequestOptionsKey<KooDriveClock> ClockKey = new("KooDrive.Generated.Clock");

    /// <summary>The clock recorded on <paramref name="request"/> by the pipeline, or null.</summary>
    public static KooDriveClock? ClockOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(ClockKey, out var clock) ? clock : null;

    /// <summary>The delay the response asks for; false when it has no usable <c>Retry-After</c>.</summary>
    public static bool TryGetDelay(HttpResponseMessage response, KooDriveClock? clock, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        switch (response.Headers.RetryAfter)
        {
            case { Delta: { } delta }:
                delay = delta;
                break;
            case { Date: { } date }:
                var serverNow = response.Headers.Date ?? clock?.GetServerUtcNow() ?? TimeProvider.System.GetUtcNow();
                delay = date - serverNow;
                break;
            default:
                return false;
        }

        // A date in the past means "now".
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return true;
    }
}
