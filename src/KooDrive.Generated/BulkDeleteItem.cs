namespace KooDrive.Generated;

/// <summary>The outcome of one ID of a bulk delete.</summary>
/// <typeparam name="TId">The ID type: <see cref="KooDriveId"/> for scopes, <see cref="string"/> for album contents.</typeparam>
/// <param name="Index">The ID's position in the caller's list.</param>
/// <param name="Id">The ID.</param>
/// <param name="Status">What happened to it.</param>
/// <param name="ErrorCode">The service's error code when <see cref="BulkDeleteStatus.Failed"/>; otherwise null.</param>
/// <param name="ErrorMessage">The service's error message when <see cref="BulkDeleteStatus.Failed"/>; otherwise null.</param>
/// <param name="Exception">What its chunk threw when <see cref="BulkDeleteStatus.Faulted"/>; otherwise null.</param>
public sealed record BulkDeleteItem<TId>(int Index, TId Id, BulkDeleteStatus Status, string? ErrorCode, string? ErrorMessage, Exception? Exception);
