using BenchmarkDotNet.Attributes;
using KooDrive.Generated.Serialization;
using Newtonsoft.Json;

namespace KooDrive.Generated.Benchmarks;

/// <summary>
/// What exact, tolerant ID reading costs compared with Newtonsoft's defaults on the same model. Input: the
/// documented delete-scopes response (one deleted ID, six failures).
/// </summary>
[MemoryDiagnoser]
public class ResponseReadingBenchmarks
{
    private const string Json = """
        {"scopeIdList":["1842846715527366528"],"failedScopeList":[
        {"scopeId":"123","errorCode":"15000424","msg":"Request to repeatedly delete scopeId."},
        {"scopeId":"123","errorCode":"15000418","msg":"The backup scope does not exist."},
        {"scopeId":"345","errorCode":"15000418","msg":"The backup scope does not exist."},
        {"scopeId":"1760265745989677312","errorCode":"15000418","msg":"The backup scope does not exist."},
        {"scopeId":"1752777931588940032","errorCode":"15000418","msg":"The backup scope does not exist."},
        {"scopeId":"1752990708303704321","errorCode":"15000418","msg":"The backup scope does not exist."}],
        "code":0,"msg":"success"}
        """;

    private readonly JsonSerializerSettings _newtonsoftDefaults = new();
    private readonly JsonSerializerSettings _sdk = KooDriveJsonSettings.Create();

    /// <summary>Newtonsoft's default settings: no ID checks, no single-object tolerance.</summary>
    [Benchmark(Baseline = true)]
    public DeleteBackupScopesResponse? NewtonsoftDefaults() => JsonConvert.DeserializeObject<DeleteBackupScopesResponse>(Json, _newtonsoftDefaults);

    /// <summary>The SDK's settings: exact IDs from the raw text, tolerant lists and codes.</summary>
    [Benchmark]
    public DeleteBackupScopesResponse? SdkSettings() => JsonConvert.DeserializeObject<DeleteBackupScopesResponse>(Json, _sdk);
}
