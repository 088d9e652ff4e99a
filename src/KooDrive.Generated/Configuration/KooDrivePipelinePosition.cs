namespace KooDrive.Generated.Configuration;

/// <summary>Where a handler added with <see cref="KooDriveClientOptions.AddHandler"/> runs in the KooDrive pipeline.</summary>
/// <remarks>The full order is documented once, on <see cref="KooDriveClientOptions.AddHandler"/>.</remarks>
public enum KooDrivePipelinePosition
{
    /// <summary>Once per call, outside the retries: it sees the call as the application made it.</summary>
    PerCall,

    /// <summary>Once per attempt, inside the retries and before authentication: it sees every attempt, never its credentials.</summary>
    PerRetry,
}
