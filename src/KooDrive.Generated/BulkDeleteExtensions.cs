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
        options = Checked(options);
        var ids = scopeIds.ToArray();
        const int chunkSize = DeleteBackupScopesRequest.ScopeIdListMaxItems;
        var requests = BulkValidation.CheckedChunks(
            KooDriveOperations.DeleteBackupScopes.Id,
            ids,
            id => BatchAccounting.IdKey(id.Digits),
            nameof(scopeIds),
            $"request.{nameof(DeleteBackupScopesRequest.ScopeIdList)}",
            chunkSize,
            DeleteBackupScopesRequest.Create,
            request => BackupClient.CheckDeleteBackupScopes(deviceId, request));

        return ChunkedDelete.RunAsync(
            ids,
            chunkSize,
            options,
            async (start, count, ct) =>
            {
                var response = await client.DeleteBackupScopesAsync(deviceId, requests[start / chunkSize], ct).ConfigureAwait(false);
                var outcome = response.GetOutcome(new ArraySegment<KooDriveId>(ids, start, count));
                var answer = new ChunkAnswer(new BulkDeleteStatus[count], new string?[count], new string?[count], outcome.UnmatchedFailures);
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
            },
            cancellationToken);
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
        options = Checked(options);
        var ids = contentIds.ToArray();
        const int chunkSize = DeleteAlbumContentsRequest.IdsMaxItems;
        var requests = BulkValidation.CheckedChunks(
            KooDriveOperations.DeleteAlbumContents.Id,
            ids,
            id => id,
            nameof(contentIds),
            $"request.{nameof(DeleteAlbumContentsRequest.Ids)}",
            chunkSize,
            chunk => new DeleteAlbumContentsRequest { Ids = [.. chunk] },
            request => AlbumClient.CheckDeleteAlbumContents(albumId, request));

        return ChunkedDelete.RunAsync(
            ids,
            chunkSize,
            options,
            async (start, count, ct) =>
            {
                await client.DeleteAlbumContentsAsync(albumId, requests[start / chunkSize], ct).ConfigureAwait(false);
                return ChunkAnswer.AllSucceeded(count);
            },
            cancellationToken);
    }

    private static BulkDeleteOptions Checked(BulkDeleteOptions? options)
    {
        if (options is null)
        {
            return new BulkDeleteOptions();
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1, $"{nameof(options)}.{nameof(BulkDeleteOptions.MaxConcurrency)}");
        return options;
    }
}
