using KooDrive.Generated.Batches;

namespace KooDrive.Generated;

/// <summary>The result of <see cref="IBackupClient.AddBackupScopesAsync"/>.</summary>
public partial class AddBackupScopesResponse
{
    /// <summary>
    /// Accounts for every requested scope, matched by local path and target folder: added (with the
    /// <see cref="ScopeInfo"/> carrying its new scope ID), failed (with its error code and message), or not
    /// attempted.
    /// </summary>
    /// <param name="request">The request this response answers.</param>
    /// <returns>One outcome per requested scope, in request order.</returns>
    public BatchOutcome<ScopeBaseInfo, ScopeInfo> GetOutcome(AddBackupScopesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GetOutcome(request.ScopeList);
    }

    /// <summary>Accounts for every requested scope; see <see cref="GetOutcome(AddBackupScopesRequest)"/>.</summary>
    /// <param name="requestedScopes">The scopes that were sent, in request order.</param>
    /// <returns>One outcome per requested scope, in request order.</returns>
    public BatchOutcome<ScopeBaseInfo, ScopeInfo> GetOutcome(IEnumerable<ScopeBaseInfo> requestedScopes)
    {
        ArgumentNullException.ThrowIfNull(requestedScopes);
        return BatchAccounting.Account(
            requestedScopes,
            s => BatchAccounting.ScopeKey(s.LocalPath, s.TargetFolderPath),
            ScopeList,
            s => BatchAccounting.ScopeKey(s.LocalPath, s.TargetFolderPath),
            FailedScopeList,
            f => BatchAccounting.ScopeKey(f.LocalPath, f.TargetFolderPath),
            f => (f.ErrorCode, f.Msg));
    }
}
