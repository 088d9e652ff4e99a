namespace KooDrive.Generated;

// The type's summary comes from the spec (components.schemas.DeleteBackupScopesRequest.description).
public partial class DeleteBackupScopesRequest
{
    /// <summary>A request for these scope IDs, given as <see cref="KooDriveId"/> (or <see cref="long"/>) values.</summary>
    /// <param name="scopeIds">The scope IDs, in the order the outcome will report them.</param>
    /// <returns>The request.</returns>
    public static DeleteBackupScopesRequest Create(params IEnumerable<KooDriveId> scopeIds)
    {
        ArgumentNullException.ThrowIfNull(scopeIds);
        var request = new DeleteBackupScopesRequest();
        foreach (var id in scopeIds)
        {
            request.ScopeIdList.Add(id.Digits);
        }

        return request;
    }

    /// <summary>A request for these scope IDs, given as <see cref="long"/> values.</summary>
    /// <param name="scopeIds">The scope IDs; none may be negative.</param>
    /// <returns>The request.</returns>
    public static DeleteBackupScopesRequest Create(IEnumerable<long> scopeIds)
    {
        ArgumentNullException.ThrowIfNull(scopeIds);
        return Create(scopeIds.Select(KooDriveId.FromInt64));
    }
}
