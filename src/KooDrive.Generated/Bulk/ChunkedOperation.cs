namespace KooDrive.Generated.Bulk;

/// <summary>What a bulk delete needs to know of the operation it splits into chunks.</summary>
/// <typeparam name="TId">The ID type.</typeparam>
/// <typeparam name="TRequest">The operation's request model.</typeparam>
/// <param name="OperationId">The operation, named in validation messages.</param>
/// <param name="Parameter">The caller's parameter holding the IDs, named in validation paths.</param>
/// <param name="RequestListPath">Where the generated check reports the request's list (<c>request.ScopeIdList</c>).</param>
/// <param name="ChunkSize">The spec's most IDs per request (the generated <c>…MaxItems</c>).</param>
/// <param name="IdKey">What makes two IDs the same ID to the service.</param>
/// <param name="CreateRequest">The request for a slice of the IDs.</param>
/// <param name="Check">The operation's generated check of one request, with the caller's other arguments.</param>
/// <param name="Send">Sends one chunk's request and says what the answer reports for each of its IDs.</param>
internal sealed record ChunkedOperation<TId, TRequest>(
    string OperationId,
    string Parameter,
    string RequestListPath,
    int ChunkSize,
    Func<TId, string?> IdKey,
    Func<IEnumerable<TId>, TRequest> CreateRequest,
    Action<TRequest> Check,
    Func<TRequest, ArraySegment<TId>, CancellationToken, Task<ChunkAnswer>> Send);
