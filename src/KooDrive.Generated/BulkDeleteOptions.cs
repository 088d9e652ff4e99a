namespace KooDrive.Generated;

/// <summary>How a bulk delete runs its chunks.</summary>
public sealed class BulkDeleteOptions
{
    /// <summary>The default <see cref="MaxConcurrency"/>: a few requests in flight, well below a connection pool's limit.</summary>
    public const int DefaultMaxConcurrency = 4;

    /// <summary>
    /// The most chunk requests in flight at once, from 1 (one after another) up; <see cref="DefaultMaxConcurrency"/>
    /// by default.
    /// </summary>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

    /// <summary>Told after each chunk is answered or has thrown; null reports nothing.</summary>
    public IProgress<BulkDeleteProgress>? Progress { get; set; }
}
