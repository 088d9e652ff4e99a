using System.Reflection;
using BenchmarkDotNet.Attributes;
using KooDrive.Generated.Benchmarks.Harness;
using KooDrive.Generated.Serialization;
using Newtonsoft.Json;

namespace KooDrive.Generated.Benchmarks;

/// <summary>
/// Writing a request body: the compared call's 100-ID delete request, with Newtonsoft's defaults (the baseline),
/// with the SDK's settings, the generated validation alone, and validation then serialization as the generated
/// method does before it builds the request.
/// </summary>
[MemoryDiagnoser]
public class RequestValidationBenchmarks
{
    private readonly JsonSerializerSettings _newtonsoftDefaults = new();
    private readonly JsonSerializerSettings _sdk = KooDriveJsonSettings.Create();
    private readonly DeleteBackupScopesRequest _request = DeleteBackupScopesRequest.Create(ScopeDeletePayloads.Ids().Select(KooDriveId.Parse));
    private readonly Action<string, DeleteBackupScopesRequest> _validate;

    public RequestValidationBenchmarks()
    {
        // The generated method's own validation (a private partial method implemented by the build's generator).
        var client = new BackupClient(new HttpClient());
        var method = typeof(BackupClient).GetMethod("ValidateDeleteBackupScopes", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("The build generated no ValidateDeleteBackupScopes.");
        _validate = method.CreateDelegate<Action<string, DeleteBackupScopesRequest>>(client);
    }

    /// <summary>Newtonsoft's default settings.</summary>
    [Benchmark(Baseline = true)]
    public string SerializeNewtonsoftDefaults() => JsonConvert.SerializeObject(_request, _newtonsoftDefaults);

    /// <summary>The body written with the SDK's serializer settings, as the generated method writes it.</summary>
    [Benchmark]
    public string SerializeSdkSettings() => JsonConvert.SerializeObject(_request, _sdk);

    /// <summary>The generated validation alone.</summary>
    [Benchmark]
    public void Validate() => _validate(ScopeDeletePayloads.DeviceId, _request);

    /// <summary>Validation then serialization: what the generated method does before sending.</summary>
    [Benchmark]
    public string ValidateAndSerialize()
    {
        _validate(ScopeDeletePayloads.DeviceId, _request);
        return JsonConvert.SerializeObject(_request, _sdk);
    }
}
