extern alias emulator;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using emulator::KooDrive.Emulator;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;

namespace KooDrive.Generated.Benchmarks;

/// <summary>
/// A bulk delete of 10,000 scope IDs at concurrency 8 against the emulator answering every request after 20 ms,
/// through the SDK in token mode, against the latency-bound ideal measured in the same run: eight workers that do
/// nothing but wait 20 ms once per chunk. Goal: the bulk delete takes at most 1.2× the ideal.
/// </summary>
/// <remarks>
/// The chunk size is the spec's <c>maxItems</c> (the generated <see cref="DeleteBackupScopesRequest.ScopeIdListMaxItems"/>),
/// so the ideal is ceil(chunks / 8) × 20 ms. Each iteration deletes 10,000 scopes the emulator really holds.
/// </remarks>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class BulkThroughputBenchmarks
{
    private const int Ids = 10_000;
    private const int Concurrency = 8;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);
    private static readonly int Chunks = (Ids + DeleteBackupScopesRequest.ScopeIdListMaxItems - 1) / DeleteBackupScopesRequest.ScopeIdListMaxItems;

    private KooDriveEmulator? _emulator;
    private HttpClient? _http;
    private BackupClient? _backup;
    private string _deviceId = string.Empty;
    private KooDriveId[] _scopeIds = [];
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _emulator = KooDriveEmulator.StartAsync(new KooDriveEmulatorOptions { Latency = Latency, SeedDemoData = false }).GetAwaiter().GetResult();
        _http = KooDriveHttpClientFactory.Create(new KooDriveClientOptions
        {
            BaseAddress = _emulator.BaseAddress,
            UserId = _emulator.Credentials.UserId,
            AccessTokenProvider = new StaticAccessTokenProvider(_emulator.Credentials.BearerToken),
        });
        _backup = new BackupClient(_http);
        _deviceId = _emulator.State.BindDevice(_emulator.Credentials.UserId, "bulk_benchmark").DeviceId;
    }

    [IterationSetup(Target = nameof(BulkDelete))]
    public void AddScopes()
    {
        var state = _emulator!.State;
        var round = ++_round;
        _scopeIds = [.. Enumerable.Range(0, Ids).Select(i => KooDriveId.Parse(state.AddScope(_deviceId, "100", $"/bulk/{round}/{i}", null).ScopeId))];
    }

    // Gives the baseline an iteration setup too, so that both rows run one operation per iteration (one job), and
    // BenchmarkDotNet computes their ratio.
    [IterationSetup(Target = nameof(LatencyBoundIdeal))]
    public void Nothing()
    {
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http?.Dispose();
        _emulator?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The latency-bound ideal: <c>Concurrency</c> workers that each wait the latency once per chunk they would send.</summary>
    [Benchmark(Baseline = true)]
    public async Task LatencyBoundIdeal()
    {
        var next = -1;
        async Task WorkAsync()
        {
            while (Interlocked.Increment(ref next) < Chunks)
            {
                await Task.Delay(Latency);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => WorkAsync()));
    }

    /// <summary>The SDK's bulk delete: chunking, validation, eight requests in flight, per-ID accounting.</summary>
    [Benchmark]
    public async Task<int> BulkDelete()
    {
        var outcome = await _backup!.DeleteBackupScopesAsync(_deviceId, _scopeIds, new BulkDeleteOptions { MaxConcurrency = Concurrency });
        return outcome.AllSucceeded ? outcome.Succeeded.Count : throw new InvalidOperationException($"{outcome.Items.Count - outcome.Succeeded.Count} IDs were not deleted.");
    }
}
