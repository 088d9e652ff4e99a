namespace KooDrive.Generated.Batches;

/// <summary>
/// Matches a batch response's success and failure entries to the request's items by key. Each entry accounts
/// for at most one item, so a repeated item is matched to as many entries as the service listed for it, in
/// response order, successes first.
/// </summary>
internal static class BatchAccounting
{
    public static BatchOutcome<TInput, TResult> Account<TInput, TResult, TFailure>(
        IEnumerable<TInput> inputs,
        Func<TInput, string> inputKey,
        IEnumerable<TResult>? results,
        Func<TResult, string?> resultKey,
        IEnumerable<TFailure>? failures,
        Func<TFailure, string?> failureKey,
        Func<TFailure, (string? Code, string? Message)> failureDetail)
        where TResult : class
        where TFailure : class
    {
        var successes = Queue(results, resultKey, out var keylessResults);
        var failed = Queue(failures, failureKey, out var keylessFailures);

        var items = new List<BatchItemOutcome<TInput, TResult>>();
        foreach (var input in inputs)
        {
            var key = inputKey(input);
            var index = items.Count;
            if (successes.TryGetValue(key, out var done) && done.TryDequeue(out var result))
            {
                items.Add(new(index, input, BatchItemStatus.Succeeded, result, null, null));
            }
            else if (failed.TryGetValue(key, out var refused) && refused.TryDequeue(out var failure))
            {
                var (code, message) = failureDetail(failure);
                items.Add(new(index, input, BatchItemStatus.Failed, null, code, message));
            }
            else
            {
                items.Add(new(index, input, BatchItemStatus.NotAttempted, null, null, null));
            }
        }

        var unmatchedResults = keylessResults.Concat(successes.Values.SelectMany(q => q)).ToArray();
        var unmatchedFailures = keylessFailures.Concat(failed.Values.SelectMany(q => q))
            .Select(f => (Key: failureKey(f), Detail: failureDetail(f)))
            .Select(f => new BatchFailure(f.Key, f.Detail.Code, f.Detail.Message))
            .ToArray();
        return new BatchOutcome<TInput, TResult>(items, unmatchedResults, unmatchedFailures);
    }

    /// <summary>The canonical key of a scope ID: its digits without leading zeros, or the text as sent.</summary>
    public static string IdKey(string? id)
    {
        if (id is null)
        {
            return string.Empty;
        }

        var trimmed = id.Trim();
        if (!trimmed.All(char.IsAsciiDigit) || trimmed.Length == 0)
        {
            return trimmed;
        }

        var significant = trimmed.TrimStart('0');
        return significant.Length == 0 ? "0" : significant;
    }

    /// <summary>The key of a backup scope: its local path and target folder, null and empty alike.</summary>
    public static string ScopeKey(string? localPath, string? targetFolderPath) => $"{localPath}\n{targetFolderPath}";

    private static Dictionary<string, Queue<T>> Queue<T>(IEnumerable<T>? entries, Func<T, string?> key, out List<T> keyless)
        where T : class
    {
        keyless = [];
        var queues = new Dictionary<string, Queue<T>>(StringComparer.Ordinal);
        foreach (var entry in entries ?? [])
        {
            if (entry is null)
            {
                continue;
            }

            if (key(entry) is not { } k)
            {
                keyless.Add(entry);
                continue;
            }

            if (!queues.TryGetValue(k, out var queue))
            {
                queues[k] = queue = new Queue<T>();
            }

            queue.Enqueue(entry);
        }

        return queues;
    }
}
