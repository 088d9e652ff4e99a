using Microsoft.Extensions.Time.Testing;

namespace KooDrive.Generated.Tests.Resilience.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also records the due time of every timer started on it (created
/// with one, or given one later through <see cref="ITimer.Change"/>, as Task.Delay and CancelAfter do), so a
/// test can wait until the retry strategy has started its delay before advancing the clock past it.
/// </summary>
internal sealed class TimerRecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Record(dueTime);
        return new RecordingTimer(this, base.CreateTimer(callback, state, dueTime, period));
    }

    /// <summary>Waits (in real time, bounded) until a timer with the given due time exists.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime, int count = 1)
    {
        await Eventually.TrueAsync(() => DueTimes.Count(d => d == dueTime) >= count, $"a {dueTime} timer (#{count}); timers so far: {string.Join(", ", DueTimes)}");
    }

    /// <summary>Waits until any timer other than the listed timeouts exists and returns its due time (a retry delay).</summary>
    public async Task<TimeSpan> WaitForDelayAsync(int index, params TimeSpan[] timeouts)
    {
        TimeSpan[] delays = [];
        await Eventually.TrueAsync(
            () => (delays = [.. DueTimes.Where(d => !timeouts.Contains(d))]).Length > index,
            $"retry delay #{index + 1}; timers so far: {string.Join(", ", DueTimes)}");
        return delays[index];
    }

    private void Record(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _dueTimes.Add(dueTime);
            }
        }
    }

    private sealed class RecordingTimer(TimerRecordingTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Record(dueTime);
            return inner.Change(dueTime, period);
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

/// <summary>Bounded real-time polling for conditions another thread makes true.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMilliseconds = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(5);
        }
    }
}
