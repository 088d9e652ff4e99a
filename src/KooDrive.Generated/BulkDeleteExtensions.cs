using KooDrive.Generated.Batches;
using KooDrive.Generated.Bulk;
using KooDrive.Generated.Spec;

namespace KooDrive.Generated;

/// <summary>
/// Deletes of any number of IDs on any <see cref="IBackupClient"/> / <see cref="IAlbumClient"/>: split into requests
/// of the spec's largest size (<c>maxItems</c>, read from the generated request model), run with bounded
/// concurrency, and accounted for ID by ID in one <see cref="BulkDeleteOutcome{TId}"/>.
/// </summary>
/// <remarks>
/// Every request is checked against the spec before the first is sent: a broken rule throws
/// <see cref="KooDriveValidationException"/> whose paths name the caller's argument (<c>scopeIds[4321]</c>). A repeated
/// ID is refused the same way (rule <c>unique</c>). An empty list sends nothing and returns an empty outcome. A chunk
/// whose request throws does not stop the others: its IDs are <see cref="BulkDeleteStatus.Faulted"/>, with the
/// exception. Cancellation stops sending further chunks (their IDs are <see cref="BulkDeleteStatus.NotAttempted"/>)
/// and cancels those in flight (faulted with their <see cref="OperationCanceledException"/>); the outcome is returned
/// with <see cref="BulkDeleteOutcome{TId}.Canceled"/> set, so what was deleted before is not lost.
/// </remarks>
public static class BulkDeleteExtensions
{
    /// <summary>Deletes any number of backup scopes of a device, in requests of the spec's largest size.</summary>
    /// <param name="client">The client that sends each request.</param>
    /// <param name="deviceId">The device whose scopes to delete.</param>
    /// <param name="scopeIds">The scope IDs, each once.</param>
    /// <param name="options">Concurrency and progress; defaults when null.</param>
    /// <param name="cancellationToken">Stops sending chunks and cancels those in flight.</param>
    /// <returns>Every ID's outcome, in the order given.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BulkDeleteOptions.MaxConcurrency"/> is less than 1.</exception>
    /// <exception cref="KooDriveValidationException">An argument breaks a rule of the spec, or an ID is repeated.</exception>
    public static Task<BulkDeleteOutcome<KooDriveId>> DeleteBackupScopesAsync(
        this IBackupClient client,
        string deviceId,
        IEnumerable<KooDriveId> scopeIds,
        BulkDeleteOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(scopeIds);
        var operation = new ChunkedOperation<KooDriveId, DeleteBackupScopesRequest>(
            KooDriveOperations.DeleteBackupScopes.Id,
            nameof(scopeIds),
            $"request.{nameof(DeleteBackupScopesRequest.ScopeIdList)}",
            DeleteBackupScopesRequest.ScopeIdListMaxItems,
            id => BatchAccounting.IdKey(id.Digits),
            DeleteBackupScopesRequest.Create,
            request => BackupClient.CheckDeleteBackupScopes(deviceId, request),
            async (request, chunk, ct) => Answer(await client.DeleteBackupScopesAsync(deviceId, request, ct).ConfigureAwait(false), chunk));
        return ChunkedDelete.StartAsync(operation, scopeIds, options, cancellationToken);
    }

    /// <summary>
    /// Removes any number of contents from an album, in requests of the spec's largest size. The service answers a
    /// request as a whole, so each ID of an answered chunk succeeded.
    /// </summary>
    /// <param name="client">The client that sends each request.</param>
    /// <param name="albumId">The album.</param>
    /// <param name="contentIds">The content (file) IDs, each once.</param>
    /// <param name="options">Concurrency and progress; defaults when null.</param>
    /// <param name="cancellationToken">Stops sending chunks and cancels those in flight.</param>
    /// <returns>Every ID's outcome, in the order given.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BulkDeleteOptions.MaxConcurrency"/> is less than 1.</exception>
    /// <exception cref="KooDriveValidationException">An argument breaks a rule of the spec (a null or empty ID …), or an ID is repeated.</exception>
    public static Task<BulkDeleteOutcome<string>> DeleteAlbumContentsAsync(
        this IAlbumClient client,
        string albumId,
        IEnumerable<string> contentIds,
        BulkDeleteOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(albumId);
        ArgumentNullException.ThrowIfNull(contentIds);
        var operation = new ChunkedOperation<string, DeleteAlbumContentsRequest>(
            KooDriveOperations.DeleteAlbumContents.Id,
            nameof(contentIds),
            $"request.{nameof(DeleteAlbumContentsRequest.Ids)}",
            DeleteAlbumContentsRequest.IdsMaxItems,
            id => id,
            chunk => new DeleteAlbumContentsRequest { Ids = [.. chunk] },
            request => AlbumClient.CheckDeleteAlbumContents(albumId, request),
            async (request, chunk, ct) =>
            {
                await client.DeleteAlbumContentsAsync(albumId, request, ct).ConfigureAwait(false);
                return ChunkAnswer.AllSucceeded(chunk.Count);
            });
        return ChunkedDelete.StartAsync(operation, contentIds, options, cancellationToken);
    }

    // The service's per-ID report, matched to the chunk's IDs by the batch accounting every delete-scopes answer uses.
    private static ChunkAnswer Answer(DeleteBackupScopesResponse response, ArraySegment<KooDriveId> chunk)
    {
        var outcome = response.GetOutcome(chunk);
        var answer = new ChunkAnswer(new BulkDeleteStatus[chunk.Count], new string?[chunk.Count], new string?[chunk.Count], outcome.UnmatchedFailures);
        foreach (var item in outcome.Items)
        {
            answer.Statuses[item.Index] = item.Status switch
            {
                BatchItemStatus.Succeeded => BulkDeleteStatus.Succeeded,
                BatchItemStatus.Failed => BulkDeleteStatus.Failed,
                _ => BulkDeleteStatus.Unreported,
            };
            answer.ErrorCodes[item.Index] = item.ErrorCode;
            answer.ErrorMessages[item.Index] = item.ErrorMessage;
        }

        return answer;
    }
}
