using System.Collections.Concurrent;
using System.Globalization;
using KooDrive.Generated.Errors;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Workflows;

/// <summary>
/// Bulk deletes of any number of IDs: split at the spec's <c>maxItems</c>, run with bounded concurrency, every ID
/// accounted for exactly once whatever the service or the network does to each chunk, and every argument checked
/// before the first request.
/// </summary>
public class BulkDeleteTests
{
    private const string DeviceId = "1842812272691451648";
    private const string AlbumId = "1795607640592646273";
    private static readonly int MaxScopeIds = SpecLimits.MaxItems("DeleteBackupScopesRequest", "scopeIdList");
    private static readonly int MaxContentIds = SpecLimits.MaxItems("DeleteAlbumContentsRequest", "ids");

    [Fact]
    public async Task Ten_thousand_ids_with_faults_in_every_form_are_each_accounted_for_exactly_once()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => (KooDriveId)(1_842_846_715_527_366_528L + (i * 7L))).ToArray();
        var (backup, script) = ScriptedClient.Create<IBackupClient>();
        var sent = new ConcurrentBag<string>();
        var sizes = new ConcurrentBag<int>();
        var inFlight = 0;
        var mostInFlight = 0;
        // The first chunks wait until eight are in flight: with less concurrency they would wait out the timeout and fault.
        var allInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var serverError = new KooDriveServerException(new FailedResponse("Internal error.", 500, "13000201", "Internal error.", null, null, new Dictionary<string, IEnumerable<string>>(), null));
        script.On(nameof(IBackupClient.DeleteBackupScopesAsync), async (args, token) =>
        {
            var request = (DeleteBackupScopesRequest)args[1]!;
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            try
            {
                if (now == 8)
                {
                    allInFlight.TrySetResult();
                }

                await allInFlight.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
                sizes.Add(request.ScopeIdList.Count);
                foreach (var id in request.ScopeIdList)
                {
                    sent.Add(id);
                }

                // A fault decided by the chunk's first ID, so the expected outcome can be computed apart from the helper.
                var first = Ordinal(request.ScopeIdList.First());
                if (first % 1_700 == 0)
                {
                    throw serverError;
                }

                if (first % 2_300 == 0)
                {
                    throw new HttpRequestException("connection reset");
                }

                return new DeleteBackupScopesResponse
                {
                    Code = 0,
                    ScopeIdList = [.. request.ScopeIdList.Where(id => Expected(Ordinal(id)) == BulkDeleteStatus.Succeeded)],
                    FailedScopeList = [.. request.ScopeIdList.Where(id => Expected(Ordinal(id)) == BulkDeleteStatus.Failed).Select(id => new ScopeDeleteFailedInfo { ScopeId = id, ErrorCode = "15000418", Msg = "The backup scope does not exist." })],
                };
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        });

        var outcome = await backup.DeleteBackupScopesAsync(DeviceId, ids, new BulkDeleteOptions { MaxConcurrency = 8 });

        Assert.Equal(ids, outcome.Items.Select(i => i.Id));
        Assert.Equal(Enumerable.Range(0, ids.Length), outcome.Items.Select(i => i.Index));
        var expected = ids.Select(id => ExpectedWithFaults(Ordinal(id))).ToArray();
        Assert.Equal(expected, outcome.Items.Select(i => i.Status));
        Assert.Equal(ids.Length, outcome.Succeeded.Count + outcome.Failed.Count + outcome.Unreported.Count + outcome.Faulted.Count + outcome.NotAttempted.Count);
        Assert.All(outcome.Failed, f => Assert.Equal(("15000418", "The backup scope does not exist."), (f.ErrorCode, f.ErrorMessage)));
        Assert.All(outcome.Faulted, f => Assert.NotNull(f.Exception));
        Assert.Contains(outcome.Faults, f => ReferenceEquals(f.Exception, serverError));
        Assert.Contains(outcome.Faults, f => f.Exception is HttpRequestException);
        Assert.Equal(outcome.Faulted.Select(f => f.Id), outcome.Faults.OrderBy(f => f.FirstIndex).SelectMany(f => f.Ids));
        Assert.Empty(outcome.NotAttempted);
        Assert.NotEmpty(outcome.Unreported);
        Assert.False(outcome.Canceled);
        Assert.Equal(ids.Select(i => i.Digits).Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));
        Assert.All(sizes, size => Assert.InRange(size, 1, MaxScopeIds));
        Assert.Equal((ids.Length + MaxScopeIds - 1) / MaxScopeIds, sizes.Count);
        Assert.Equal(8, mostInFlight);

        int Ordinal(string id) => (int)((long.Parse(id, CultureInfo.InvariantCulture) - 1_842_846_715_527_366_528L) / 7);
        BulkDeleteStatus ExpectedWithFaults(int ordinal)
        {
            var first = ordinal - (ordinal % MaxScopeIds);
            return first % 1_700 == 0 || first % 2_300 == 0 ? BulkDeleteStatus.Faulted : Expected(ordinal);
        }
    }

    [Fact]
    public async Task Progress_is_reported_once_per_chunk_and_ends_at_every_id()
    {
        var ids = Enumerable.Range(1, (MaxContentIds * 2) + 3).Select(i => $"file{i}").ToArray();
        var (album, script) = ScriptedClient.Create<IAlbumClient>();
        script.On(nameof(IAlbumClient.DeleteAlbumContentsAsync), (args, _) =>
            ((DeleteAlbumContentsRequest)args[1]!).Ids.Contains("file1") ? throw new TimeoutException() : Task.FromResult(new KooDriveResult { Code = 0 }));
        var reports = new ConcurrentQueue<BulkDeleteProgress>();

        var outcome = await album.DeleteAlbumContentsAsync(AlbumId, ids, new BulkDeleteOptions { Progress = new SynchronousProgress(reports.Enqueue) });

        Assert.Equal(3, reports.Count);
        var last = reports.MaxBy(r => r.CompletedChunks);
        Assert.Equal(new BulkDeleteProgress(ids.Length, 3, 3, ids.Length - MaxContentIds, 0, 0, MaxContentIds), last);
        Assert.Equal(ids.Length, last.CompletedIds);
        Assert.Equal(ids[..MaxContentIds], outcome.Faulted.Select(f => f.Id));
        Assert.IsType<TimeoutException>(Assert.Single(outcome.Faults).Exception);
        Assert.Equal(ids[MaxContentIds..], outcome.Succeeded.Select(s => s.Id));
    }

    [Fact]
    public async Task Cancelling_stops_sending_and_the_unsent_ids_are_reported_not_attempted()
    {
        var ids = Enumerable.Range(1, MaxScopeIds * 10).Select(i => (KooDriveId)(long)i).ToArray();
        var (backup, script) = ScriptedClient.Create<IBackupClient>();
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        script.On(nameof(IBackupClient.DeleteBackupScopesAsync), async (args, token) =>
        {
            var request = (DeleteBackupScopesRequest)args[1]!;
            if (Interlocked.Increment(ref calls) == 3)
            {
                await cancel.CancelAsync();
                token.ThrowIfCancellationRequested();
            }

            await Task.Yield();
            return new DeleteBackupScopesResponse { Code = 0, ScopeIdList = [.. request.ScopeIdList] };
        });

        var outcome = await backup.DeleteBackupScopesAsync(DeviceId, ids, new BulkDeleteOptions { MaxConcurrency = 1 }, cancel.Token);

        Assert.True(outcome.Canceled);
        Assert.Equal(ids[..(MaxScopeIds * 2)], outcome.Succeeded.Select(s => s.Id));
        Assert.IsType<OperationCanceledException>(Assert.Single(outcome.Faults).Exception, exactMatch: false);
        Assert.Equal(ids[(MaxScopeIds * 2)..(MaxScopeIds * 3)], outcome.Faulted.Select(f => f.Id));
        Assert.Equal(ids[(MaxScopeIds * 3)..], outcome.NotAttempted.Select(n => n.Id));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Every_argument_is_checked_before_the_first_request_and_reported_at_the_callers_index()
    {
        var (backup, backupScript) = ScriptedClient.Create<IBackupClient>();
        var (album, albumScript) = ScriptedClient.Create<IAlbumClient>();
        var scopeIds = Enumerable.Range(1, (MaxScopeIds * 3) + 1).Select(i => (KooDriveId)(long)i).ToList();
        scopeIds.Add(KooDriveId.Parse("0" + scopeIds[(MaxScopeIds * 2) + 5].Digits));
        var contentIds = Enumerable.Range(0, MaxContentIds + 10).Select(i => $"f{i}").ToArray();
        contentIds[MaxContentIds + 3] = string.Empty;
        contentIds[MaxContentIds + 4] = null!;

        var repeated = Assert.Throws<KooDriveValidationException>(() => { _ = backup.DeleteBackupScopesAsync(DeviceId, scopeIds); });
        var malformed = Assert.Throws<KooDriveValidationException>(() => { _ = album.DeleteAlbumContentsAsync(AlbumId, contentIds); });
        var badDevice = Assert.Throws<KooDriveValidationException>(() => { _ = backup.DeleteBackupScopesAsync("12a", []); });
        var badAlbum = Assert.Throws<KooDriveValidationException>(() => { _ = album.DeleteAlbumContentsAsync("..", ["f1"]); });

        Assert.Equal(Index("scopeIds", scopeIds.Count - 1), repeated.ParamName);
        Assert.Equal("unique", Assert.Single(repeated.Violations).Rule);
        Assert.Contains(Index("scopeIds", (MaxScopeIds * 2) + 5), repeated.Message, StringComparison.Ordinal);
        Assert.Equal([(Index("contentIds", MaxContentIds + 3), "minLength"), (Index("contentIds", MaxContentIds + 4), "required")], malformed.Violations.Select(v => (v.Path, v.Rule)));
        Assert.Equal("deviceId", badDevice.ParamName);
        Assert.Equal("albumId", badAlbum.ParamName);
        Assert.Throws<ArgumentNullException>("scopeIds", () => { _ = backup.DeleteBackupScopesAsync(DeviceId, (IEnumerable<KooDriveId>)null!); });
        Assert.Throws<ArgumentNullException>("deviceId", () => { _ = backup.DeleteBackupScopesAsync(null!, scopeIds); });
        Assert.Throws<ArgumentNullException>("client", () => { _ = BulkDeleteExtensions.DeleteAlbumContentsAsync(null!, AlbumId, ["f1"]); });
        Assert.Throws<ArgumentOutOfRangeException>("options.MaxConcurrency", () => { _ = album.DeleteAlbumContentsAsync(AlbumId, ["f1"], new BulkDeleteOptions { MaxConcurrency = 0 }); });
        Assert.Empty(backupScript.Calls);
        Assert.Empty(albumScript.Calls);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task An_empty_list_sends_nothing_and_accounts_for_nothing()
    {
        var (backup, script) = ScriptedClient.Create<IBackupClient>();

        var outcome = await backup.DeleteBackupScopesAsync(DeviceId, []);

        Assert.Empty(outcome.Items);
        Assert.True(outcome.AllSucceeded);
        Assert.Empty(script.Calls);
    }

    // Every third ID is refused by the service, every fifth not mentioned in its answer, the rest deleted.
    private static BulkDeleteStatus Expected(int ordinal) =>
        ordinal % 3 == 0 ? BulkDeleteStatus.Failed : ordinal % 5 == 0 ? BulkDeleteStatus.Unreported : BulkDeleteStatus.Succeeded;

    private static string Index(string parameter, int index) => string.Create(CultureInfo.InvariantCulture, $"{parameter}[{index}]");

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class SynchronousProgress(Action<BulkDeleteProgress> report) : IProgress<BulkDeleteProgress>
    {
        public void Report(BulkDeleteProgress value) => report(value);
    }
}
