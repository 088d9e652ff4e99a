namespace KooDrive.Generated;

/// <summary>
/// Every ID of a bulk delete, each accounted for exactly once: succeeded, failed (with the service's error code and
/// message), unreported by an answer, faulted (its chunk threw; the exception is kept), or not attempted (the bulk
/// delete was cancelled before its chunk was sent).
/// </summary>
/// <typeparam name="TId">The ID type: <see cref="KooDriveId"/> for scopes, <see cref="string"/> for album contents.</typeparam>
public sealed class BulkDeleteOutcome<TId>
{
    internal BulkDeleteOutcome(IReadOnlyList<BulkDeleteItem<TId>> items, IReadOnlyList<BulkDeleteFault<TId>> faults, IReadOnlyList<BatchFailure> unmatchedFailures, bool canceled)
    {
        Items = items;
        Faults = faults;
        UnmatchedFailures = unmatchedFailures;
        Canceled = canceled;
        Succeeded = Having(BulkDeleteStatus.Succeeded);
        Failed = Having(BulkDeleteStatus.Failed);
        Unreported = Having(BulkDeleteStatus.Unreported);
        Faulted = Having(BulkDeleteStatus.Faulted);
        NotAttempted = Having(BulkDeleteStatus.NotAttempted);

        BulkDeleteItem<TId>[] Having(BulkDeleteStatus status) => items.Where(i => i.Status == status).ToArray();
    }

    /// <summary>One outcome per ID, in the caller's order.</summary>
    public IReadOnlyList<BulkDeleteItem<TId>> Items { get; }

    /// <summary>The IDs the service reports deleted.</summary>
    public IReadOnlyList<BulkDeleteItem<TId>> Succeeded { get; }

    /// <summary>The IDs the service reports not deleted, each with its error code and message.</summary>
    public IReadOnlyList<BulkDeleteItem<TId>> Failed { get; }

    /// <summary>The IDs of answered chunks that the answer mentioned in neither list.</summary>
    public IReadOnlyList<BulkDeleteItem<TId>> Unreported { get; }

    /// <summary>The IDs of chunks whose request threw; whether they were deleted is unknown.</summary>
    public IReadOnlyList<BulkDeleteItem<TId>> Faulted { get; }

    /// <summary>The IDs of chunks never sent, because the bulk delete was cancelled.</summary>
    public IReadOnlyList<BulkDeleteItem<TId>> NotAttempted { get; }

    /// <summary>The chunks whose request threw, each with its IDs and the exception.</summary>
    public IReadOnlyList<BulkDeleteFault<TId>> Faults { get; }

    /// <summary>Failure entries of the answers that match no ID that was sent.</summary>
    public IReadOnlyList<BatchFailure> UnmatchedFailures { get; }

    /// <summary>Whether the bulk delete was cancelled before every chunk was answered.</summary>
    public bool Canceled { get; }

    /// <summary>Whether every ID was deleted.</summary>
    public bool AllSucceeded => Succeeded.Count == Items.Count;
}
