using System.Globalization;
using KooDrive.Generated.Spec;

namespace KooDrive.Generated;

/// <summary>
/// A held backup lock of one module: created by <see cref="BackupLockExtensions.AcquireBackupLockAsync(IBackupClient, ModuleCode, CancellationToken)"/>,
/// renewed in the background before it expires, and released when disposed.
/// </summary>
/// <remarks>
/// <para>
/// Pass <see cref="LockId"/> as the <c>backupLockId</c> of the record operations (create, complete, delete). The
/// lock ID is a secret of the holder: <see cref="ToString"/> and every message of this type leave it out.
/// </para>
/// <para>
/// KooDrive grants a lock for a fixed time (the spec's <c>x-koodrive-lease-seconds</c> of <c>CreateBackupLock</c> and
/// <c>RenewBackupLock</c>). The session renews it when half of that time has passed since the last grant was asked
/// for, which leaves the other half for a slow or failed renewal to be retried (after the HTTP pipeline's own
/// retries) before the service lets the lock go. A renewal that fails for good (the service no longer knows the
/// lock, or transient failures last until the lock would have expired) marks the lock lost: <see cref="LockLost"/>
/// is cancelled, <see cref="LockId"/> and <see cref="ThrowIfLost"/> throw <see cref="BackupLockLostException"/> with
/// the renewal's exception inside, and <see cref="ReleaseAsync"/> throws it too. Nothing is swallowed.
/// </para>
/// <para>
/// <see cref="DisposeAsync"/> stops the renewal and releases the lock, and never throws: with <c>await using</c>, an
/// exception from disposal would replace the exception that ended the block. Call <see cref="ReleaseAsync"/> at the
/// end of the work to have a failed release (or a lock lost on the way) reported.
/// </para>
/// </remarks>
public sealed class BackupLock : IAsyncDisposable
{
    // A transient renewal failure is retried this often (a twentieth of the lease) while the lock is still held.
    private const int RetriesPerLease = 20;

    private readonly IBackupClient _client;
    private readonly string _lockId;
    private readonly TimeProvider _time;
    private readonly TimeSpan _renewedLease;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Task _renewal;
    private DateTimeOffset _expiresOn;
    private BackupLockLostException? _lostException;
    private int _ended;

    private BackupLock(IBackupClient client, ModuleCode module, string lockId, TimeProvider time, DateTimeOffset grantedFrom)
    {
        _client = client;
        _lockId = lockId;
        _time = time;
        _renewedLease = KooDriveOperations.RenewBackupLockLease;
        Module = module;
        _expiresOn = grantedFrom + KooDriveOperations.CreateBackupLockLease;

        // Started here rather than on the thread pool, so that its first timer exists before the caller sees the lock.
        _renewal = RenewUntilStoppedAsync(grantedFrom + (KooDriveOperations.CreateBackupLockLease / 2));
    }

    /// <summary>The module the lock is for.</summary>
    public ModuleCode Module { get; }

    /// <summary>The lock ID to pass as <c>backupLockId</c>. A secret: never log it.</summary>
    /// <exception cref="BackupLockLostException">A renewal failed and the lock is no longer held.</exception>
    /// <exception cref="ObjectDisposedException">The lock was released.</exception>
    public string LockId
    {
        get
        {
            ThrowIfLost();
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _ended) != 0, this);
            return _lockId;
        }
    }

    /// <summary>
    /// Cancelled when the lock is lost (a renewal failed for good); never cancelled by a release. Link work done
    /// under the lock to it, so that the work stops when the lock goes.
    /// </summary>
    public CancellationToken LockLost => _lost.Token;

    /// <summary>Whether a renewal failed for good and the lock is no longer held.</summary>
    public bool IsLost => Volatile.Read(ref _lostException) is not null;

    /// <summary>
    /// When the lock expires unless renewed, by the session's clock: the time the last successful grant was asked
    /// for plus the lease, so never later than the service's own expiry.
    /// </summary>
    public DateTimeOffset ExpiresOn
    {
        get
        {
            lock (_gate)
            {
                return _expiresOn;
            }
        }
    }

    /// <summary>Throws when a renewal failed for good, with the renewal's exception as the inner exception.</summary>
    /// <exception cref="BackupLockLostException">The lock is lost.</exception>
    public void ThrowIfLost()
    {
        if (Volatile.Read(ref _lostException) is { } lost)
        {
            throw new BackupLockLostException(lost.Message, lost.InnerException!);
        }
    }

    /// <summary>Stops the renewal and releases the lock, reporting any failure. A second call does nothing.</summary>
    /// <param name="cancellationToken">Cancels the release request.</param>
    /// <returns>A task that completes when the service has released the lock.</returns>
    /// <exception cref="BackupLockLostException">The lock was lost before it could be released.</exception>
    /// <remarks>Any exception of the release request itself (<see cref="KooDriveApiException"/> …) propagates.</remarks>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        await StopRenewalAsync().ConfigureAwait(false);
        ThrowIfLost();
        await _client.ReleaseBackupLockAsync(_lockId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the renewal and releases the lock unless it was lost; never throws. A lock whose release fails
    /// expires on its own at <see cref="ExpiresOn"/>. Calling it again does nothing.
    /// </summary>
    /// <returns>A task that completes when the release has been answered or has failed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        await StopRenewalAsync().ConfigureAwait(false);
        if (IsLost)
        {
            return;
        }

        try
        {
            await _client.ReleaseBackupLockAsync(_lockId, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Disposal must not replace the exception that ended an await using block; the lock expires on its own.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>The module and the state of the lock; never the lock ID.</summary>
    /// <returns>For example <c>BackupLock FolderBackup: held until 2026-11-29T19:40:00.0000000+00:00</c>.</returns>
    public override string ToString()
    {
        var state = IsLost ? "lost" : Volatile.Read(ref _ended) != 0 ? "released" : "held until " + ExpiresOn.ToString("O", CultureInfo.InvariantCulture);
        return $"BackupLock {Module}: {state}";
    }

    internal static async Task<BackupLock> AcquireAsync(IBackupClient client, ModuleCode module, TimeProvider time, CancellationToken cancellationToken)
    {
        // The lease runs from when the service grants it, which is after this instant: the estimate errs early.
        var askedAt = time.GetUtcNow();
        var created = await client.CreateBackupLockAsync(new CreateBackupLockRequest { ModuleCode = module }, cancellationToken).ConfigureAwait(false);
        var lockId = created?.Data?.LockId;
        if (string.IsNullOrEmpty(lockId))
        {
            throw new InvalidOperationException($"KooDrive answered CreateBackupLock for module {module} without a lock ID.");
        }

        return new BackupLock(client, module, lockId, time, askedAt);
    }

    private async Task StopRenewalAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RenewUntilStoppedAsync(DateTimeOffset firstRenewal)
    {
        var stop = _stop.Token;
        var next = firstRenewal;
        try
        {
            while (true)
            {
                // The due time is absolute, so a timer started late (a busy thread pool, a test's clock moved
                // ahead) fires at once rather than a whole interval late.
                var wait = next - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, stop).ConfigureAwait(false);
                }

                var askedAt = _time.GetUtcNow();
                try
                {
                    await _client.RenewBackupLockAsync(_lockId, stop).ConfigureAwait(false);
                    lock (_gate)
                    {
                        _expiresOn = askedAt + _renewedLease;
                    }

                    next = askedAt + (_renewedLease / 2);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception) when (IsTransient(exception) && askedAt + RetryDelay < ExpiresOn)
                {
                    // Timed from the failed attempt, like the renewals: a slow failure is retried at once.
                    next = askedAt + RetryDelay;
                }
                catch (Exception exception)
                {
                    MarkLost(exception);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Released or disposed while waiting for the next renewal.
        }
    }

    private TimeSpan RetryDelay => _renewedLease / RetriesPerLease;

    // Failures that a later attempt may not see: the network, a timeout, a 5xx, throttling, an unreadable answer.
    // A refusal (the lock is unknown or expired, the caller is not authorised) will not change by asking again.
    private static bool IsTransient(Exception exception) =>
        exception is HttpRequestException or TimeoutException or OperationCanceledException
            or KooDriveServerException or KooDriveThrottledException or KooDriveInvalidResponseException;

    private void MarkLost(Exception renewalFailure)
    {
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"The backup lock of module {Module} was lost: renewing it failed ({renewalFailure.GetType().Name}) at {_time.GetUtcNow():O}; it expires, or expired, at {ExpiresOn:O}. Work under it after that is refused by KooDrive.");
        Volatile.Write(ref _lostException, new BackupLockLostException(message, renewalFailure));
        try
        {
            _lost.Cancel();
        }
        catch (AggregateException)
        {
            // A callback registered on LockLost failed: that is the callback's failure, and the loss is recorded.
        }
    }
}
