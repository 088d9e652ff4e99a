namespace KooDrive.Generated.Bulk;

/// <summary>What the service said about each ID of one answered chunk, in chunk order.</summary>
internal readonly record struct ChunkAnswer(BulkDeleteStatus[] Statuses, string?[] ErrorCodes, string?[] ErrorMessages, IReadOnlyList<BatchFailure> UnmatchedFailures)
{
    /// <summary>A chunk the service answered as a whole, with no per-ID report: every ID succeeded.</summary>
    public static ChunkAnswer AllSucceeded(int count) =>
        new(Enumerable.Repeat(BulkDeleteStatus.Succeeded, count).ToArray(), new string?[count], new string?[count], []);
}
