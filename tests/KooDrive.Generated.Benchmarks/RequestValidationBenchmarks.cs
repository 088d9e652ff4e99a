using System.Reflection;
using BenchmarkDotNet.Attributes;
using KooDrive.Generated.Benchmarks.Harness;
using KooDrive.Generated.Serialization;
using Newtonsoft.Json;

namespace KooDrive.Generated.Benchmarks;

/// <summary>
/// Writing a request body: the compared call's 100-ID delete request, with Newtonsoft's defaults (the baseline),
/// with the model's generated writer, the generated validation alone, and validation then writing as the generated
/// method does before it builds the request.
/// </summary>
[MemoryDiagnoser]
public class RequestValidationBenchmarks
{
    private readonly JsonSerializerSettings _newtonsoftDefaults = new();
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

    /// <summary>The body written by the model's generated writer, as the generated method writes it.</summary>
    [Benchmark]
    public string SerializeGenerated() => Write(_request);

    /// <summary>The generated validation alone.</summary>
    [Benchmark]
    public void Validate() => _validate(ScopeDeletePayloads.DeviceId, _request);

    /// <summary>Validation then serialization: what the generated method does before sending.</summary>
    [Benchmark]
    public string ValidateAndSerialize()
    {
        _validate(ScopeDeletePayloads.DeviceId, _request);
        return Write(_request);
    }

    private static string Write(DeleteBackupScopesRequest request)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text))
        {
            KooDriveModelIO.Write(json, request);
        }

        return text.ToString();
    }
}
