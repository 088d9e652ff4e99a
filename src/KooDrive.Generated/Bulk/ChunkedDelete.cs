namespace KooDrive.Generated.Bulk;

/// <summary>
/// Runs the chunks of a bulk delete with bounded concurrency and accounts for every ID exactly once. Each chunk
/// writes the outcomes of its own slice of the ID list, so the workers share nothing but two counters.
/// </summary>
internal static class ChunkedDelete
{
    /// <summary>
    /// Checks every argument and every chunk's request (throwing before any I/O), then runs the chunks. Not async,
    /// so that a refusal is thrown by the call itself rather than stored in the task.
    /// </summary>
    public static Task<BulkDeleteOutcome<TId>> StartAsync<TId, TRequest>(ChunkedOperation<TId, TRequest> operation, IEnumerable<TId> ids, BulkDeleteOptions? options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            options = new BulkDeleteOptions();
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1, $"{nameof(options)}.{nameof(BulkDeleteOptions.MaxConcurrency)}");
        }

        var list = ids.ToArray();
        var requests = BulkValidation.CheckedChunks(operation, list);
        return RunAsync(
            list,
            operation.ChunkSize,
            options,
            (start, count, ct) => operation.Send(requests[start / operation.ChunkSize], new ArraySegment<TId>(list, start, count), ct),
            cancellationToken);
    }

    public static async Task<BulkDeleteOutcome<TId>> RunAsync<TId>(
        IReadOnlyList<TId> ids,
        int chunkSize,
        BulkDeleteOptions options,
        Func<int, int, CancellationToken, Task<ChunkAnswer>> sendChunk,
        CancellationToken cancellationToken)
    {
        var chunkCount = (ids.Count + chunkSize - 1) / chunkSize;
        var statuses = new BulkDeleteStatus[ids.Count];
        Array.Fill(statuses, BulkDeleteStatus.NotAttempted);
        var codes = new string?[ids.Count];
        var messages = new string?[ids.Count];
        var exceptions = new Exception?[ids.Count];
        var faults = new BulkDeleteFault<TId>?[chunkCount];
        var unmatched = new IReadOnlyList<BatchFailure>?[chunkCount];
        var tally = new Tally(ids.Count, chunkCount, options.Progress);
        var nextChunk = -1;

        async Task WorkAsync()
        {
            int chunk;
            while (!cancellationToken.IsCancellationRequested && (chunk = Interlocked.Increment(ref nextChunk)) < chunkCount)
            {
                var start = chunk * chunkSize;
                var count = Math.Min(chunkSize, ids.Count - start);
                try
                {
                    var answer = await sendChunk(start, count, cancellationToken).ConfigureAwait(false);
                    Array.Copy(answer.Statuses, 0, statuses, start, count);
                    Array.Copy(answer.ErrorCodes, 0, codes, start, count);
                    Array.Copy(answer.ErrorMessages, 0, messages, start, count);
                    unmatched[chunk] = answer.UnmatchedFailures;
                    tally.Add(answer.Statuses);
                }
#pragma warning disable CA1031 // A chunk's exception is its IDs' outcome: kept, typed, in the result; the other chunks go on.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    Array.Fill(statuses, BulkDeleteStatus.Faulted, start, count);
                    Array.Fill(exceptions, exception, start, count);
                    faults[chunk] = new BulkDeleteFault<TId>(start, Slice(ids, start, count), exception);
                    tally.AddFaulted(count);
                }
            }
        }

        var workers = new Task[Math.Min(options.MaxConcurrency, chunkCount)];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = WorkAsync();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);

        var items = new BulkDeleteItem<TId>[ids.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new BulkDeleteItem<TId>(i, ids[i], statuses[i], codes[i], messages[i], exceptions[i]);
        }

        var canceled = cancellationToken.IsCancellationRequested && tally.CompletedChunks < chunkCount;
        return new BulkDeleteOutcome<TId>(items, faults.OfType<BulkDeleteFault<TId>>().ToArray(), unmatched.Where(u => u is not null).SelectMany(u => u!).ToArray(), canceled);
    }

    private static TId[] Slice<TId>(IReadOnlyList<TId> ids, int start, int count)
    {
        var slice = new TId[count];
        for (var i = 0; i < count; i++)
        {
            slice[i] = ids[start + i];
        }

        return slice;
    }

    /// <summary>The running counts behind <see cref="BulkDeleteProgress"/>; one report per completed chunk.</summary>
    private sealed class Tally(int totalIds, int totalChunks, IProgress<BulkDeleteProgress>? progress)
    {
        private readonly Lock _gate = new();
        private int _chunks;
        private int _succeeded;
        private int _failed;
        private int _unreported;
        private int _faulted;

        public int CompletedChunks
        {
            get
            {
                lock (_gate)
                {
                    return _chunks;
                }
            }
        }

        public void Add(BulkDeleteStatus[] statuses)
        {
            int succeeded = 0, failed = 0, unreported = 0;
            foreach (var status in statuses)
            {
                switch (status)
                {
                    case BulkDeleteStatus.Succeeded: succeeded++; break;
                    case BulkDeleteStatus.Failed: failed++; break;
                    default: unreported++; break;
                }
            }

            Report(succeeded, failed, unreported, faulted: 0);
        }

        public void AddFaulted(int count) => Report(0, 0, 0, count);

        private void Report(int succeeded, int failed, int unreported, int faulted)
        {
            BulkDeleteProgress snapshot;
            lock (_gate)
            {
                _chunks++;
                _succeeded += succeeded;
                _failed += failed;
                _unreported += unreported;
                _faulted += faulted;
                snapshot = new BulkDeleteProgress(totalIds, totalChunks, _chunks, _succeeded, _failed, _unreported, _faulted);
            }

            progress?.Report(snapshot);
        }
    }
}
