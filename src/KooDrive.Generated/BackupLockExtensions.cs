namespace KooDrive.Generated;

/// <summary>
/// Backup lock sessions on any <see cref="IBackupClient"/>: the generated client, a decorator or a test double.
/// </summary>
public static class BackupLockExtensions
{
    /// <summary>
    /// Creates a backup lock of <paramref name="module"/> and holds it until disposed: renewed in the background
    /// before it expires, released on dispose. See <see cref="BackupLock"/>.
    /// </summary>
    /// <param name="client">The client that creates, renews and releases the lock.</param>
    /// <param name="module">The module whose records the lock guards.</param>
    /// <param name="cancellationToken">Cancels the creation of the lock (not the session).</param>
    /// <returns>The held lock; dispose it (<c>await using</c>) to release it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="KooDriveValidationException"><paramref name="module"/> is not a module the spec defines.</exception>
    public static Task<BackupLock> AcquireBackupLockAsync(this IBackupClient client, ModuleCode module, CancellationToken cancellationToken = default) =>
        AcquireBackupLockAsync(client, module, options: null, cancellationToken);

    /// <summary>
    /// Creates a backup lock of <paramref name="module"/> and holds it until disposed, on the clock of
    /// <paramref name="options"/>. See <see cref="BackupLock"/>.
    /// </summary>
    /// <param name="client">The client that creates, renews and releases the lock.</param>
    /// <param name="module">The module whose records the lock guards.</param>
    /// <param name="options">The session's clock; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the creation of the lock (not the session).</param>
    /// <returns>The held lock; dispose it (<c>await using</c>) to release it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <see cref="BackupLockOptions.TimeProvider"/> is null.</exception>
    /// <exception cref="KooDriveValidationException"><paramref name="module"/> is not a module the spec defines.</exception>
    public static Task<BackupLock> AcquireBackupLockAsync(this IBackupClient client, ModuleCode module, BackupLockOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var time = options is null ? TimeProvider.System : options.TimeProvider;
        ArgumentNullException.ThrowIfNull(time, $"{nameof(options)}.{nameof(BackupLockOptions.TimeProvider)}");

        // The generated check, so that a test double refuses what the real client would, before any I/O.
        BackupClient.CheckCreateBackupLock(new CreateBackupLockRequest { ModuleCode = module });
        return BackupLock.AcquireAsync(client, module, time, cancellationToken);
    }
}
