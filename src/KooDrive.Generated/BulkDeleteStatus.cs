namespace KooDrive.Generated;

/// <summary>What happened to one ID of a bulk delete.</summary>
public enum BulkDeleteStatus
{
    /// <summary>The service reports the ID deleted.</summary>
    Succeeded,

    /// <summary>The service reports the ID not deleted, with an error code and message.</summary>
    Failed,

    /// <summary>The service answered its chunk but mentioned the ID in neither list.</summary>
    Unreported,

    /// <summary>
    /// The request of its chunk threw (see <see cref="BulkDeleteItem{TId}.Exception"/>), so whether the service
    /// deleted it is unknown: the request may have been processed before the failure (a dropped connection, a
    /// timeout, a cancellation in flight).
    /// </summary>
    Faulted,

    /// <summary>Its chunk was never sent: the bulk delete was cancelled first.</summary>
    NotAttempted,
}
