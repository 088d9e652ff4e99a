namespace KooDrive.Generated;

/// <summary>What happened to one item of a batch request.</summary>
public enum BatchItemStatus
{
    /// <summary>The service lists the item as done.</summary>
    Succeeded,

    /// <summary>The service lists the item as failed, with an error code and message.</summary>
    Failed,

    /// <summary>The response mentions the item in neither list: the service did not report on it.</summary>
    NotAttempted,
}
