using System.Diagnostics;
using KooDrive.Generated.Benchmarks.Harness;

namespace KooDrive.Generated.Benchmarks.Report;

/// <summary>
/// Every variant in one process, alternated round by round after a long common warm-up, so that no variant is
/// measured while another's code is still being recompiled, and a slow warm-up cannot pass for a slow call.
/// </summary>
/// <remarks>
/// Allocation is <see cref="GC.GetTotalAllocatedBytes(bool)"/> over a batch of calls, as BenchmarkDotNet's memory
/// diagnoser counts it: on loopback it includes what the in-process server allocates for the call, the same
/// amount for every variant.
/// </remarks>
public static class SteadyState
{
    /// <summary>Measures every variant over <paramref name="transport"/>; per-call cost by variant.</summary>
    public static async Task<IReadOnlyDictionary<Variant, Cost>> MeasureAsync(Transport transport, IdForm form, int warmUpCalls, int rounds, int callsPerRound)
    {
        await using var variants = await CallVariants.CreateAsync(transport, form).ConfigureAwait(false);
        await variants.VerifyAsync().ConfigureAwait(false);
        var ids = ScopeDeletePayloads.Ids();
        var order = CallVariants.All.ToArray();
        var batch = Math.Max(1, callsPerRound);
        for (var done = 0; done < warmUpCalls; done += batch)
        {
            foreach (var variant in order)
            {
                await RunAsync(variants.Call(variant), ids, batch).ConfigureAwait(false);
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
                await RunAsync(variants.Call(variant), ids, batch).ConfigureAwait(false);
                var elapsed = clock.Elapsed.TotalMicroseconds;
                times[variant].Add(elapsed / batch);
                bytes[variant].Add((GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)batch);
            }
        }

        return order.ToDictionary(v => v, v => new Cost(Format.Median(times[v]), Format.Median(bytes[v])));
    }

    private static async Task RunAsync(Func<string[], Task<int>> call, string[] ids, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            await call(ids).ConfigureAwait(false);
        }
    }
}
