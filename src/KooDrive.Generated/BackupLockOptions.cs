namespace KooDrive.Generated;

/// <summary>How a <see cref="BackupLock"/> session runs.</summary>
public sealed class BackupLockOptions
{
    /// <summary>
    /// The clock that schedules renewals; <see cref="TimeProvider.System"/> by default. Tests pass a fake clock
    /// (Microsoft.Extensions.TimeProvider.Testing) to move time instead of waiting for it.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
