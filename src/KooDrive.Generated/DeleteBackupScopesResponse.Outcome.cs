using KooDrive.Generated.Batches;

namespace KooDrive.Generated;

/// <summary>The result of <see cref="IBackupClient.DeleteBackupScopesAsync"/>.</summary>
public partial class DeleteBackupScopesResponse
{
    /// <summary>
    /// Accounts for every requested scope ID: deleted (listed in <see cref="ScopeIdList"/>), failed (listed in
    /// <see cref="FailedScopeList"/>, with its error code and message), or not attempted (in neither list).
    /// </summary>
    /// <param name="request">The request this response answers.</param>
    /// <returns>One outcome per requested ID, in request order; each result is the ID as the service listed it.</returns>
    public BatchOutcome<KooDriveId, string> GetOutcome(DeleteBackupScopesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GetOutcome(request.ScopeIdList.Select(KooDriveId.Parse));
    }

    /// <summary>Accounts for every requested scope ID; see <see cref="GetOutcome(DeleteBackupScopesRequest)"/>.</summary>
    /// <param name="requestedIds">The scope IDs that were sent, in request order.</param>
    /// <returns>One outcome per requested ID, in request order.</returns>
    public BatchOutcome<KooDriveId, string> GetOutcome(IEnumerable<KooDriveId> requestedIds)
    {
        ArgumentNullException.ThrowIfNull(requestedIds);
        return BatchAccounting.Account(
            requestedIds,
            id => BatchAccounting.IdKey(id.Digits),
            ScopeIdList,
            id => id is null ? null : BatchAccounting.IdKey(id),
            FailedScopeList,
            f => f.ScopeId is null ? null : BatchAccounting.IdKey(f.ScopeId),
            f => (f.ErrorCode, f.Msg));
    }
}
