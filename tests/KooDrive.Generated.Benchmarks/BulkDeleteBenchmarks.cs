using BenchmarkDotNet.Attributes;
using KooDrive.Generated.Benchmarks.Harness;

namespace KooDrive.Generated.Benchmarks;

/// <summary>
/// 10,000 scope IDs deleted as 100 calls of 100, at most 8 in flight, on loopback: every variant through the same
/// <see cref="BulkDriver"/>, against the hand-written <see cref="HttpClient"/> + Newtonsoft call.
/// </summary>
[MemoryDiagnoser]
public class BulkDeleteBenchmarks
{
    /// <summary>How many calls are in flight at most.</summary>
    public const int Concurrency = 8;

    /// <summary>How many IDs one bulk delete covers.</summary>
    public const int IdCount = 10_000;

    private readonly string[][] _chunks = BulkDriver.Chunks(IdCount);
    private CallVariants? _variants;

    /// <summary>The variant driven.</summary>
    [ParamsAllValues]
    public Variant Variant { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _variants = CallVariants.CreateAsync(Transport.Loopback, IdForm.Strings).GetAwaiter().GetResult();
        _variants.VerifyAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _variants?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The bulk delete.</summary>
    [Benchmark]
    public Task<int> DeleteTenThousand() => BulkDriver.DeleteAllAsync(_chunks, Concurrency, _variants!.Call(Variant));
}
