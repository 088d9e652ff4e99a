using KooDrive.Generated;

namespace KooDrive.Samples;

/// <summary>What one run of <see cref="BackupFlow"/> did, step by step.</summary>
/// <param name="DeviceId">The device it bound (and unbound at the end).</param>
/// <param name="RecordId">The backup record it created, completed and deleted.</param>
/// <param name="ScopesAdded">The scopes it added, with their new IDs.</param>
/// <param name="ScopesListed">The device's scopes of the module, as listed after adding them.</param>
/// <param name="RecordsListed">The device's records of the module, listed after the lock was released.</param>
/// <param name="ScopesDeleted">The outcome of deleting the added scopes during clean-up.</param>
public sealed record BackupFlowResult(
    string DeviceId,
    string RecordId,
    IReadOnlyList<ScopeInfo> ScopesAdded,
    IReadOnlyList<ScopeInfo> ScopesListed,
    IReadOnlyList<BackupRecord> RecordsListed,
    BulkDeleteOutcome<KooDriveId> ScopesDeleted);
