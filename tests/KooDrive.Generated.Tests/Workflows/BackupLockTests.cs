using KooDrive.Generated.Errors;
using KooDrive.Generated.Spec;
using Microsoft.Extensions.Time.Testing;

namespace KooDrive.Generated.Tests.Workflows;

/// <summary>
/// The backup lock session on a fake clock: it renews before the lease the spec gives runs out, releases on
/// dispose, and reports a failed renewal through <see cref="BackupLock.LockLost"/>, <see cref="BackupLock.ThrowIfLost"/>,
/// <see cref="BackupLock.LockId"/> and <see cref="BackupLock.ReleaseAsync"/>.
/// </summary>
public class BackupLockTests
{
    private const string Renew = nameof(IBackupClient.RenewBackupLockAsync);
    private const string Release = nameof(IBackupClient.ReleaseBackupLockAsync);
    private const string LockIdValue = "78e41c7e-db02-4d55-85b3-8153e4fefd2e@100";

    private static readonly TimeSpan Lease = KooDriveOperations.CreateBackupLockLease;
    private static readonly TimeSpan RenewedLease = KooDriveOperations.RenewBackupLockLease;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly IBackupClient _client;
    private readonly ScriptedClient _script;

    public BackupLockTests()
    {
        (_client, _script) = ScriptedClient.Create<IBackupClient>();
        _script.On(nameof(IBackupClient.CreateBackupLockAsync), (_, _) => Task.FromResult(new CreateBackupLockResponse { Code = 0, Data = new LockInfo { LockId = LockIdValue } }));
        _script.On(Renew, (_, _) => Task.FromResult(Ok()));
        _script.On(Release, (_, _) => Task.FromResult(Ok()));
    }

    [Fact]
    public async Task The_lock_is_renewed_at_half_its_lease_each_time_before_it_expires()
    {
        await using var backupLock = await AcquireAsync();
        var acquiredAt = _clock.GetUtcNow();

        _clock.Advance((Lease / 2) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, _script.Count(Renew));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var first = await _script.NextAsync(Renew);
        _clock.Advance(RenewedLease / 2);
        await _script.NextAsync(Renew);

        // Each renewal was asked for with half of the previous grant still to run; the lease runs from that moment.
        var secondRenewalAt = acquiredAt + (Lease / 2) + (RenewedLease / 2);
        await WaitForAsync(() => backupLock.ExpiresOn == secondRenewalAt + RenewedLease);
        Assert.Equal(LockIdValue, first.Args[0]);
        Assert.Equal(2, _script.Count(Renew));
        Assert.False(backupLock.IsLost);
    }

    [Fact]
    public async Task Disposing_releases_the_lock_once_and_stops_renewing()
    {
        var backupLock = await AcquireAsync();

        await backupLock.DisposeAsync();
        await backupLock.DisposeAsync();
        await backupLock.ReleaseAsync();
        _clock.Advance(Lease * 3);

        var release = Assert.Single(_script.Calls, c => c.Method == Release);
        Assert.Equal(LockIdValue, release.Args[0]);
        Assert.Equal(0, _script.Count(Renew));
        Assert.Throws<ObjectDisposedException>(() => backupLock.LockId);
        Assert.False(backupLock.LockLost.IsCancellationRequested);
    }

    [Fact]
    public async Task A_refused_renewal_marks_the_lock_lost_and_every_later_use_reports_it()
    {
        var refusal = new KooDriveBadRequestException(new FailedResponse("The backup lock does not exist.", 400, "15000430", "The backup lock does not exist.", null, null, new Dictionary<string, IEnumerable<string>>(), null));
        _script.On<KooDriveResult>(Renew, (_, _) => throw refusal);
        var backupLock = await AcquireAsync();
        var lostSeen = new TaskCompletionSource();
        using var registration = backupLock.LockLost.Register(() => lostSeen.TrySetResult());

        _clock.Advance(Lease / 2);
        await lostSeen.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(backupLock.IsLost);
        var thrown = Assert.Throws<BackupLockLostException>(backupLock.ThrowIfLost);
        Assert.Same(refusal, thrown.InnerException);
        Assert.Same(refusal, Assert.Throws<BackupLockLostException>(() => backupLock.LockId).InnerException);
        Assert.Same(refusal, (await Assert.ThrowsAsync<BackupLockLostException>(() => backupLock.ReleaseAsync())).InnerException);
        Assert.DoesNotContain(LockIdValue, thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LockIdValue, backupLock.ToString(), StringComparison.Ordinal);
        Assert.Contains("lost", backupLock.ToString(), StringComparison.Ordinal);
        await backupLock.DisposeAsync();
        Assert.Equal(0, _script.Count(Release));
    }

    [Fact]
    public async Task A_transient_renewal_failure_is_retried_while_the_lock_is_still_held()
    {
        var failures = 1;
        _script.On(Renew, (_, _) => Interlocked.Decrement(ref failures) >= 0 ? throw new HttpRequestException("connection reset") : Task.FromResult(Ok()));
        await using var backupLock = await AcquireAsync();

        _clock.Advance(Lease / 2);
        await _script.NextAsync(Renew);
        Assert.False(backupLock.IsLost);
        _clock.Advance(RenewedLease / 20);
        await _script.NextAsync(Renew);

        Assert.Equal(2, _script.Count(Renew));
        Assert.False(backupLock.IsLost);
        Assert.Equal(LockIdValue, backupLock.LockId);
    }

    [Fact]
    public async Task Transient_failures_that_last_until_the_lock_would_expire_mark_it_lost()
    {
        var outage = new HttpRequestException("no route to host");
        _script.On<KooDriveResult>(Renew, (_, _) => throw outage);
        await using var backupLock = await AcquireAsync();

        for (var step = 0; step < 40 && !backupLock.IsLost; step++)
        {
            _clock.Advance(RenewedLease / 20);
            await Task.Yield();
        }

        await WaitForAsync(() => backupLock.IsLost);
        Assert.True(backupLock.LockLost.IsCancellationRequested);
        Assert.Same(outage, Assert.Throws<BackupLockLostException>(backupLock.ThrowIfLost).InnerException);
        Assert.True(_script.Count(Renew) > 1, "A transient failure is retried before the lock is given up.");
    }

    [Fact]
    public async Task Disposing_during_a_renewal_cancels_it_and_still_releases()
    {
        var inFlight = new TaskCompletionSource<CancellationToken>();
        _script.On(Renew, async (_, token) =>
        {
            inFlight.TrySetResult(token);
            await Task.Delay(Timeout.Infinite, token);
            return Ok();
        });
        var backupLock = await AcquireAsync();
        _clock.Advance(Lease / 2);
        var renewalToken = await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await backupLock.DisposeAsync();

        Assert.True(renewalToken.IsCancellationRequested);
        Assert.Equal(1, _script.Count(Release));
        Assert.False(backupLock.IsLost);
    }

    [Fact]
    public async Task Acquiring_is_cancelled_with_its_token_and_nothing_is_left_running()
    {
        _script.On(nameof(IBackupClient.CreateBackupLockAsync), async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new CreateBackupLockResponse();
        });
        using var cancel = new CancellationTokenSource();

        var acquiring = _client.AcquireBackupLockAsync(ModuleCode.FolderBackup, new BackupLockOptions { TimeProvider = _clock }, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => acquiring);
        _clock.Advance(Lease);
        Assert.Equal(0, _script.Count(Renew));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_any_call()
    {
        Assert.Throws<ArgumentNullException>("client", () => { _ = BackupLockExtensions.AcquireBackupLockAsync(null!, ModuleCode.FolderBackup); });
        Assert.Throws<ArgumentNullException>("options.TimeProvider", () => { _ = _client.AcquireBackupLockAsync(ModuleCode.FolderBackup, new BackupLockOptions { TimeProvider = null! }); });
        var refused = Assert.Throws<KooDriveValidationException>(() => { _ = _client.AcquireBackupLockAsync((ModuleCode)42); });

        Assert.Equal("request.ModuleCode", refused.ParamName);
        Assert.Empty(_script.Calls);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_lock_id_is_never_in_its_text()
    {
        await using var backupLock = await AcquireAsync();

        Assert.DoesNotContain(LockIdValue, backupLock.ToString(), StringComparison.Ordinal);
        Assert.Contains("FolderBackup", backupLock.ToString(), StringComparison.Ordinal);
    }

    private Task<BackupLock> AcquireAsync() =>
        _client.AcquireBackupLockAsync(ModuleCode.FolderBackup, new BackupLockOptions { TimeProvider = _clock });

    private static KooDriveResult Ok() => new() { Code = 0, Msg = "success" };

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(1, timeout.Token);
        }
    }
}
