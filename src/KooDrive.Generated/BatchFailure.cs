namespace KooDrive.Generated;

/// <summary>A failure entry of a batch response that matches none of the request's items.</summary>
/// <param name="Key">What the entry names (a scope ID, or a local and target path), as the service sent it.</param>
/// <param name="ErrorCode">The service's error code.</param>
/// <param name="ErrorMessage">The service's error message.</param>
public sealed record BatchFailure(string? Key, string? ErrorCode, string? ErrorMessage);
