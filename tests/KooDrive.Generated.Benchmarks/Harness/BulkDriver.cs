namespace KooDrive.Generated.Benchmarks.Harness;

/// <summary>
/// The one chunking driver every variant's bulk delete goes through: the IDs in chunks of the operation's limit,
/// at most <c>concurrency</c> calls in flight.
/// </summary>
public static class BulkDriver
{
    /// <summary>Deletes <paramref name="ids"/> with <paramref name="call"/>; returns how many IDs the answers accounted for.</summary>
    public static async Task<int> DeleteAllAsync(string[][] chunks, int concurrency, Func<string[], Task<int>> call)
    {
        var total = 0;
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (chunk, _) =>
            Interlocked.Add(ref total, await call(chunk).ConfigureAwait(false))).ConfigureAwait(false);
        return total;
    }

    /// <summary><paramref name="count"/> distinct IDs in chunks of the operation's limit.</summary>
    public static string[][] Chunks(int count) =>
        [.. ScopeDeletePayloads.Ids(count).Chunk(ScopeDeletePayloads.IdsPerCall)];
}
