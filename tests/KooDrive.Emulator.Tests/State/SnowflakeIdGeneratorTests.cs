using System.Collections.Concurrent;
using System.Globalization;
using KooDrive.Emulator.State;
using KooDrive.Emulator.Tests.Operations;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.State;

public class SnowflakeIdGeneratorTests
{
    [Theory]
    [InlineData("2025-11-03T07:05:00Z")]
    [InlineData("2000-01-01T00:00:00Z")]
    [InlineData("2070-01-01T00:00:00Z")]
    public void IDs_have_19_digits_and_exceed_2_to_the_53(string now)
    {
        var ids = new SnowflakeIdGenerator(new ManualTimeProvider(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)));

        AddBackupScopesTests.AssertSnowflake(ids.Next());
    }

    [Fact]
    public void IDs_increase_even_when_the_clock_stands_still_or_steps_back()
    {
        var clock = new ManualTimeProvider(EmulatorHarness.Start);
        var ids = new SnowflakeIdGenerator(clock);

        var first = ulong.Parse(ids.Next(), CultureInfo.InvariantCulture);
        var second = ulong.Parse(ids.Next(), CultureInfo.InvariantCulture);
        clock.Advance(TimeSpan.FromHours(-1));
        var third = ulong.Parse(ids.Next(), CultureInfo.InvariantCulture);

        Assert.True(first < second && second < third);
    }

    [Fact]
    public void IDs_follow_the_clock_in_the_high_bits()
    {
        var clock = new ManualTimeProvider(EmulatorHarness.Start);
        var ids = new SnowflakeIdGenerator(clock);

        var before = ulong.Parse(ids.Next(), CultureInfo.InvariantCulture);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var after = ulong.Parse(ids.Next(), CultureInfo.InvariantCulture);

        Assert.Equal((before >> 22) + 1, after >> 22);
    }

    [Fact]
    public void IDs_are_unique_across_threads()
    {
        var ids = new SnowflakeIdGenerator(TimeProvider.System);
        var seen = new ConcurrentBag<string>();

        Parallel.For(0, 20_000, _ => seen.Add(ids.Next()));

        Assert.Equal(20_000, seen.Distinct().Count());
    }
}
