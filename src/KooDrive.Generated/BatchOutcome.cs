namespace KooDrive.Generated;

/// <summary>
/// Every item of a batch request, each accounted for exactly once: succeeded, failed (with the service's error
/// code and message), or not attempted. Per-item failures are data here, never exceptions.
/// </summary>
/// <typeparam name="TInput">What the caller sent for an item.</typeparam>
/// <typeparam name="TResult">What the service returns for a successful item.</typeparam>
public sealed class BatchOutcome<TInput, TResult>
    where TResult : class
{
    internal BatchOutcome(IReadOnlyList<BatchItemOutcome<TInput, TResult>> items, IReadOnlyList<TResult> unmatchedResults, IReadOnlyList<BatchFailure> unmatchedFailures)
    {
        Items = items;
        Succeeded = items.Where(i => i.Status == BatchItemStatus.Succeeded).ToArray();
        Failed = items.Where(i => i.Status == BatchItemStatus.Failed).ToArray();
        NotAttempted = items.Where(i => i.Status == BatchItemStatus.NotAttempted).ToArray();
        UnmatchedResults = unmatchedResults;
        UnmatchedFailures = unmatchedFailures;
    }

    /// <summary>One outcome per request item, in request order.</summary>
    public IReadOnlyList<BatchItemOutcome<TInput, TResult>> Items { get; }

    /// <summary>The items the service lists as done.</summary>
    public IReadOnlyList<BatchItemOutcome<TInput, TResult>> Succeeded { get; }

    /// <summary>The items the service lists as failed.</summary>
    public IReadOnlyList<BatchItemOutcome<TInput, TResult>> Failed { get; }

    /// <summary>The items the service did not report on.</summary>
    public IReadOnlyList<BatchItemOutcome<TInput, TResult>> NotAttempted { get; }

    /// <summary>Success entries of the response that match no request item (the service reported more than was asked).</summary>
    public IReadOnlyList<TResult> UnmatchedResults { get; }

    /// <summary>Failure entries of the response that match no request item.</summary>
    public IReadOnlyList<BatchFailure> UnmatchedFailures { get; }

    /// <summary>Whether every item succeeded.</summary>
    public bool AllSucceeded => Succeeded.Count == Items.Count;
}
