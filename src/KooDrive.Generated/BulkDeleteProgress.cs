namespace KooDrive.Generated;

/// <summary>How far a bulk delete has come, reported after each chunk is answered or has thrown.</summary>
/// <param name="TotalIds">The number of IDs to delete.</param>
/// <param name="TotalChunks">The number of requests they are split into.</param>
/// <param name="CompletedChunks">The chunks answered or thrown so far.</param>
/// <param name="Succeeded">IDs reported deleted so far.</param>
/// <param name="Failed">IDs reported not deleted so far.</param>
/// <param name="Unreported">IDs of answered chunks that the answer did not mention.</param>
/// <param name="Faulted">IDs of chunks whose request threw so far.</param>
public readonly record struct BulkDeleteProgress(int TotalIds, int TotalChunks, int CompletedChunks, int Succeeded, int Failed, int Unreported, int Faulted)
{
    /// <summary>The IDs accounted for so far: every ID of every completed chunk.</summary>
    public int CompletedIds => Succeeded + Failed + Unreported + Faulted;
}
