using System.Diagnostics;
using KooDrive.Generated.Benchmarks.Harness;

namespace KooDrive.Generated.Benchmarks.Report;

/// <summary>
/// Every variant in one process, alternated round by round after a long common warm-up, so that no variant is
/// measured while another's code is still being recompiled, and a slow warm-up cannot pass for a slow call.
/// </summary>
/// <remarks>
/// Ratios are the median of per-round ratios: each round measures every variant within a few milliseconds, so a
/// burst of load from other processes moves a round's variants together and cancels out of their ratio.
/// Allocation is <see cref="GC.GetTotalAllocatedBytes(bool)"/> over a batch of calls, as BenchmarkDotNet's memory
/// diagnoser counts it: on loopback it includes what the in-process server allocates for the call, the same
/// amount for every variant.
/// </remarks>
public static class SteadyState
{
    /// <summary>Measures one call of every variant over <paramref name="transport"/>; cost per call.</summary>
    public static async Task<SteadyStateResult> MeasureCallsAsync(Transport transport, IdForm form, int warmUpCalls, int rounds, int callsPerRound)
    {
        await using var variants = await CallVariants.CreateAsync(transport, form).ConfigureAwait(false);
        var ids = ScopeDeletePayloads.Ids();
        return await MeasureAsync(variants, variant => variants.Call(variant)(ids), warmUpCalls, rounds, callsPerRound).ConfigureAwait(false);
    }

    /// <summary>Measures one bulk delete of every variant on loopback, through the same driver; cost per bulk delete.</summary>
    public static async Task<SteadyStateResult> MeasureBulkAsync(int idCount, int concurrency, int warmUps, int rounds)
    {
        await using var variants = await CallVariants.CreateAsync(Transport.Loopback, IdForm.Strings).ConfigureAwait(false);
        var chunks = BulkDriver.Chunks(idCount);
        return await MeasureAsync(variants, variant => BulkDriver.DeleteAllAsync(chunks, concurrency, variants.Call(variant)), warmUps, rounds, 1).ConfigureAwait(false);
    }

    private static async Task<SteadyStateResult> MeasureAsync(CallVariants variants, Func<Variant, Task<int>> once, int warmUps, int rounds, int perRound)
    {
        await variants.VerifyAsync().ConfigureAwait(false);
        var order = CallVariants.All.ToArray();
        var batch = Math.Max(1, perRound);
        for (var done = 0; done < warmUps; done += batch)
        {
            foreach (var variant in order)
            {
                await RunAsync(once, variant, batch).ConfigureAwait(false);
            }
        }

        var times = order.ToDictionary(v => v, _ => new List<double>());
        var bytes = order.ToDictionary(v => v, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            // Rotate the order so no variant always runs right after the same other one.
            foreach (var variant in order.Skip(round % order.Length).Concat(order.Take(round % order.Length)))
            {
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                await RunAsync(once, variant, batch).ConfigureAwait(false);
                var elapsed = clock.Elapsed.TotalMicroseconds;
                times[variant].Add(elapsed / batch);
                bytes[variant].Add((GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)batch);
            }
        }

        return new SteadyStateResult(times, bytes);
    }

    private static async Task RunAsync(Func<Variant, Task<int>> once, Variant variant, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await once(variant).ConfigureAwait(false);
        }
    }
}

/// <summary>Per-round times (µs per call) and allocations (bytes per call) of every variant.</summary>
public sealed class SteadyStateResult(IReadOnlyDictionary<Variant, List<double>> times, IReadOnlyDictionary<Variant, List<double>> bytes)
{
    /// <summary>The median cost of <paramref name="variant"/>.</summary>
    public Cost Cost(Variant variant) => new(Format.Median(times[variant]), Format.Median(bytes[variant]));

    /// <summary>The median over rounds of <paramref name="variant"/>'s time divided by <paramref name="baseline"/>'s in the same round.</summary>
    public double TimeRatio(Variant variant, Variant baseline) => Format.Median(times[variant].Zip(times[baseline], (v, b) => v / b));

    /// <summary>The median over rounds of the allocation ratio.</summary>
    public double BytesRatio(Variant variant, Variant baseline) => Format.Median(bytes[variant].Zip(bytes[baseline], (v, b) => v / b));
}
