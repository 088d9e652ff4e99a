using System.Globalization;

namespace KooDrive.Generated.Auth;

/// <summary>
/// The client's estimate of the KooDrive server's clock, used for <c>X-Date</c>. It starts at the local
/// clock (an injectable <see cref="System.TimeProvider"/>) and learns the offset from the <c>Date</c>
/// header of the server's responses. One instance is meant to be shared by all requests to a service, and
/// to outlive HTTP handlers (for example a singleton next to <c>IHttpClientFactory</c>, whose handlers are recycled).
/// </summary>
/// <remarks>
/// <para>
/// The service refuses an <c>X-Date</c> in the future or more than 15 minutes old. A <c>Date</c> header is
/// truncated to the second and written before the response travels back, so <c>Date − local time at
/// receipt</c> never exceeds the true offset: adopting it can make <c>X-Date</c> a little old, never future.
/// </para>
/// <para>
/// Learning rule for an observed offset <c>d</c>: adopt <c>d</c> when it is below the current offset (the
/// client may be ahead of the server, so its <c>X-Date</c> could be in the future), or when it exceeds the
/// current offset by more than <see cref="LagTolerance"/> (the client is behind and its <c>X-Date</c> is
/// drifting towards the 15-minute limit). Smaller upward differences are latency noise and are ignored.
/// Responses served from a cache (with an <c>Age</c> header) are not observed.
/// </para>
/// </remarks>
internal sealed class KooDriveClock
{
    /// <summary>The <c>X-Date</c> format: UTC, <c>yyyyMMdd'T'HHmmss'Z'</c> (e.g. <c>20251103T070140Z</c>).</summary>
    public const string XDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>How old an <c>X-Date</c> the service accepts: 15 minutes.</summary>
    public static readonly TimeSpan SignatureValidity = TimeSpan.FromMinutes(15);

    private long _offsetTicks;

    // The X-Date of the current second: it changes once a second, so formatting it once serves every request of that second.
    private XDateText? _lastXDate;

    /// <summary>Creates a clock over <paramref name="timeProvider"/> (the system clock when null), with no offset.</summary>
    /// <param name="timeProvider">The local clock.</param>
    public KooDriveClock(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The local clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>How far the server's clock may be ahead of the current estimate before the estimate is moved up. Default 1 minute.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or not less than <see cref="SignatureValidity"/>.</exception>
    public TimeSpan LagTolerance
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, SignatureValidity);
            field = value;
        }
    } = TimeSpan.FromMinutes(1);

    /// <summary>The learned offset: server time minus local time (zero until a response teaches otherwise).</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Volatile.Read(ref _offsetTicks));

    /// <summary>The estimated server time now.</summary>
    /// <returns>Local UTC time plus <see cref="Offset"/>.</returns>
    public DateTimeOffset GetServerUtcNow() => TimeProvider.GetUtcNow().ToUniversalTime() + Offset;

    /// <summary>The <c>X-Date</c> value for a request sent now: the estimated server time, truncated to the second.</summary>
    /// <returns>For example <c>20251103T070140Z</c>.</returns>
    public string GetXDate() => GetXDate(out _);

    /// <summary>The <c>X-Date</c> value for a request sent now, and the instant it stands for.</summary>
    /// <param name="instant">The estimated server time, truncated to the second.</param>
    /// <returns>For example <c>20251103T070140Z</c>.</returns>
    public string GetXDate(out DateTimeOffset instant)
    {
        var now = GetServerUtcNow();
        var second = now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond);
        instant = new DateTimeOffset(second, TimeSpan.Zero);
        var last = Volatile.Read(ref _lastXDate);
        if (last is null || last.Second != second)
        {
            last = new XDateText(second, FormatXDate(instant));
            Volatile.Write(ref _lastXDate, last);
        }

        return last.Text;
    }

    /// <summary>Learns from a server <c>Date</c> received now (see the class remarks for the rule).</summary>
    /// <param name="serverDate">The server's <c>Date</c> header value.</param>
    /// <returns>True when the offset changed.</returns>
    public bool Observe(DateTimeOffset serverDate)
    {
        var observed = (serverDate - TimeProvider.GetUtcNow()).Ticks;
        while (true)
        {
            var current = Volatile.Read(ref _offsetTicks);
            var adopt = observed < current || observed - current > LagTolerance.Ticks;
            if (!adopt)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _offsetTicks, observed, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Learns from a response's <c>Date</c> header, unless the response came from a cache (<c>Age</c> header).</summary>
    /// <param name="response">A response just received.</param>
    /// <returns>True when the offset changed.</returns>
    public bool Observe(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.Date is { } date && response.Headers.Age is null && Observe(date);
    }

    /// <summary>Formats an instant as an <c>X-Date</c> value (UTC, truncated to the second).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>For example <c>20251103T070140Z</c>.</returns>
    public static string FormatXDate(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(XDateFormat, CultureInfo.InvariantCulture);

    /// <summary>Whether a response refuses the request for its time: a 400 or 401 whose <c>Date</c> shows <paramref name="sentAt"/> in the future or at least <see cref="SignatureValidity"/> old.</summary>
    /// <param name="response">The answer to a request dated <paramref name="sentAt"/>.</param>
    /// <param name="sentAt">The instant of the <c>X-Date</c> sent.</param>
    /// <returns>True when sending again with a corrected <c>X-Date</c> can succeed.</returns>
    public static bool RefusesTime(HttpResponseMessage response, DateTimeOffset sentAt) =>
        response.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Unauthorized
        && response.Headers.Date is { } serverDate
        && (sentAt > serverDate || serverDate - sentAt >= SignatureValidity);

    /// <summary>Parses an <c>X-Date</c> value.</summary>
    /// <param name="value">The header value.</param>
    /// <param name="instant">The UTC instant when the value is well-formed.</param>
    /// <returns>True when <paramref name="value"/> has exactly the <see cref="XDateFormat"/> form.</returns>
    public static bool TryParseXDate(string? value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(
            value,
            XDateFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out instant);

    private sealed record XDateText(long Second, string Text);
}
