namespace KooDrive.Generated;

/// <summary>The outcome of one item of a batch request.</summary>
/// <typeparam name="TInput">What the caller sent for the item.</typeparam>
/// <typeparam name="TResult">What the service returns for a successful item.</typeparam>
/// <param name="Index">The item's position in the request.</param>
/// <param name="Input">What the caller sent.</param>
/// <param name="Status">Succeeded, failed or not attempted.</param>
/// <param name="Result">The service's entry for the item when it succeeded; otherwise null.</param>
/// <param name="ErrorCode">The service's error code when it failed (for example <c>15000418</c>); otherwise null.</param>
/// <param name="ErrorMessage">The service's error message when it failed; otherwise null.</param>
public sealed record BatchItemOutcome<TInput, TResult>(
    int Index,
    TInput Input,
    BatchItemStatus Status,
    TResult? Result,
    string? ErrorCode,
    string? ErrorMessage)
    where TResult : class;
