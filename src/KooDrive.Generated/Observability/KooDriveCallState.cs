using System.Diagnostics;

namespace KooDrive.Generated.Observability;

/// <summary>What the call handler (<see cref="Http.KooDriveCallHandler"/>) learns about one call while the handlers inside it run (retries).</summary>
internal sealed class KooDriveCallState
{
    public static readonly HttpRequestOptionsKey<KooDriveCallState> Key = new("KooDrive.CallState");

    private int _retries;

    public int Retries => Volatile.Read(ref _retries);

    public int Attempts => Retries + 1;

    /// <summary>The call's span, when one is recorded; retries are added to it as events.</summary>
    public Activity? Activity { get; set; }

    public static KooDriveCallState? Get(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var state) ? state : null;

    public void RecordRetry() => Interlocked.Increment(ref _retries);
}
