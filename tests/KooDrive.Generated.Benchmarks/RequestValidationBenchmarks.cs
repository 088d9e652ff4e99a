using System.Reflection;
using BenchmarkDotNet.Attributes;
using KooDrive.Generated.Serialization;
using Newtonsoft.Json;

namespace KooDrive.Generated.Benchmarks;

/// <summary>
/// What the generated validation adds to writing a request body: a 100-scope add request, validated exactly as
/// <c>AddBackupScopesAsync</c> does before it builds the request, against serializing the same body alone.
/// Goal: validating and serializing costs at most 1.05× serializing.
/// </summary>
[MemoryDiagnoser]
public class RequestValidationBenchmarks
{
    private const string DeviceId = "1842812272691451648";

    private readonly JsonSerializerSettings _sdk = KooDriveJsonSettings.Create();
    private readonly AddBackupScopesRequest _request = BenchmarkData.AddScopes(100);
    private readonly Action<string, AddBackupScopesRequest> _validate;

    public RequestValidationBenchmarks()
    {
        // The generated method's own validation (a private partial method implemented by the build's generator).
        var client = new BackupClient(new HttpClient());
        var method = typeof(BackupClient).GetMethod("ValidateAddBackupScopes", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("The build generated no ValidateAddBackupScopes.");
        _validate = method.CreateDelegate<Action<string, AddBackupScopesRequest>>(client);
    }

    /// <summary>The body written with the SDK's serializer settings, as the generated method writes it.</summary>
    [Benchmark(Baseline = true)]
    public string Serialize() => JsonConvert.SerializeObject(_request, _sdk);

    /// <summary>The generated validation alone.</summary>
    [Benchmark]
    public void Validate() => _validate(DeviceId, _request);

    /// <summary>Validation then serialization: what the generated method does before sending.</summary>
    [Benchmark]
    public string ValidateAndSerialize()
    {
        _validate(DeviceId, _request);
        return JsonConvert.SerializeObject(_request, _sdk);
    }
}
