using System.Globalization;

namespace KooDrive.Emulator.State;

/// <summary>
/// 64-bit IDs laid out like Twitter snowflakes (milliseconds since 2010-11-04 in the high bits, then a
/// worker number, then a sequence), written as decimal strings. The real IDs in the docs
/// (<c>1842846715527366528</c>) have this shape: 19 digits, far above 2^53, so a client that routes
/// them through <see cref="double"/> loses digits.
/// </summary>
internal sealed class SnowflakeIdGenerator(TimeProvider time, int workerId = 1)
{
    private const long TwitterEpochMilliseconds = 1_288_834_974_657;

    // The smallest timestamp whose ID has 19 digits: a clock set before mid-2018 (a test's fake
    // clock, say) must still produce IDs of the documented shape.
    private const long MinimumTimestamp = 238_418_579_102;

    private readonly Lock _gate = new();
    private readonly long _worker = (workerId & 0x3FF) << 12;
    private long _last;

    public string Next()
    {
        var timestamp = Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds() - TwitterEpochMilliseconds, MinimumTimestamp);
        var candidate = (timestamp << 22) | _worker;
        lock (_gate)
        {
            // Monotonic even when the clock stands still or steps back (a fake TimeProvider).
            _last = Math.Max(candidate, _last + 1);
            return _last.ToString(CultureInfo.InvariantCulture);
        }
    }
}
