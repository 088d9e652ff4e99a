namespace KooDrive.Generated;

/// <summary>A chunk of a bulk delete whose request threw.</summary>
/// <typeparam name="TId">The ID type.</typeparam>
/// <param name="FirstIndex">The position of the chunk's first ID in the caller's list.</param>
/// <param name="Ids">The chunk's IDs, in the caller's order; each is <see cref="BulkDeleteStatus.Faulted"/>.</param>
/// <param name="Exception">What the request threw, as thrown (a <see cref="KooDriveApiException"/> subtype, an
/// <see cref="HttpRequestException"/>, an <see cref="OperationCanceledException"/> …).</param>
public sealed record BulkDeleteFault<TId>(int FirstIndex, IReadOnlyList<TId> Ids, Exception Exception);
