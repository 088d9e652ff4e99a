using BenchmarkDotNet.Attributes;
using KooDrive.Generated.Benchmarks.Harness;

namespace KooDrive.Generated.Benchmarks;

/// <summary>
/// One call deleting 100 scope IDs (the answer: 50 deleted, 50 failures), made every way a .NET user could make
/// it, against the hand-written <see cref="HttpClient"/> + Newtonsoft call. Both ID forms of the answer, on
/// loopback (in-process Kestrel) and with an in-memory handler.
/// </summary>
[MemoryDiagnoser]
public class ScopeDeleteCallBenchmarks
{
    private readonly string[] _ids = ScopeDeletePayloads.Ids();
    private CallVariants? _variants;
    private Func<string[], Task<int>>[] _calls = [];

    /// <summary>How the answer writes IDs.</summary>
    [Params(IdForm.Strings, IdForm.Numbers)]
    public IdForm Ids { get; set; }

    /// <summary>Where the call goes.</summary>
    [Params(Transport.Loopback, Transport.InMemory)]
    public Transport Transport { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _variants = CallVariants.CreateAsync(Transport, Ids).GetAwaiter().GetResult();
        _variants.VerifyAsync().GetAwaiter().GetResult();
        _calls = [.. CallVariants.All.Select(_variants.Call)];
    }

    [GlobalCleanup]
    public void Cleanup() => _variants?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Hand-written: Newtonsoft to and from strings, status and envelope checked.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> HandWrittenNewtonsoft() => _calls[(int)Variant.HandWrittenNewtonsoft](_ids);

    /// <summary>Hand-written with System.Text.Json.</summary>
    [Benchmark]
    public Task<int> HandWrittenSystemTextJson() => _calls[(int)Variant.HandWrittenSystemTextJson](_ids);

    /// <summary>Refit with a Newtonsoft content serializer.</summary>
    [Benchmark]
    public Task<int> Refit() => _calls[(int)Variant.Refit](_ids);

    /// <summary>The plain NSwag client from the same spec.</summary>
    [Benchmark]
    public Task<int> PlainNSwag() => _calls[(int)Variant.PlainNSwag](_ids);

    /// <summary>The SDK, token mode.</summary>
    [Benchmark]
    public Task<int> SdkToken() => _calls[(int)Variant.SdkToken](_ids);

    /// <summary>The SDK, signed.</summary>
    [Benchmark]
    public Task<int> SdkSigned() => _calls[(int)Variant.SdkSigned](_ids);

    /// <summary>The SDK, token mode, resilience off.</summary>
    [Benchmark]
    public Task<int> SdkTokenNoResilience() => _calls[(int)Variant.SdkTokenNoResilience](_ids);

    /// <summary>The generated client without the SDK's handlers.</summary>
    [Benchmark]
    public Task<int> SdkBareClient() => _calls[(int)Variant.SdkBareClient](_ids);
}
