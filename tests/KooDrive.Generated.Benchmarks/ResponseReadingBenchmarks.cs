using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using KooDrive.Generated.Benchmarks.Harness;
using KooDrive.Generated.Serialization;
using Newtonsoft.Json;

namespace KooDrive.Generated.Benchmarks;

/// <summary>
/// What exact, strict reading costs against Newtonsoft's defaults into the same model. Input: the compared call's
/// answer (50 deleted IDs, 50 failures), with IDs as JSON strings and as JSON numbers.
/// </summary>
/// <remarks>
/// Two pairs. From a string: the SDK's generated reader against
/// <see cref="JsonConvert.DeserializeObject{T}(string, JsonSerializerSettings)"/> with the defaults. From a response:
/// what the generated methods do with an HTTP 200 (one streaming pass that also checks the envelope) against
/// <c>ReadAsStringAsync</c> then the defaults. Each response is a new <see cref="HttpResponseMessage"/> because
/// content streams are read once.
/// </remarks>
[MemoryDiagnoser]
public class ResponseReadingBenchmarks
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "UTF-8" };
    private readonly JsonSerializerSettings _newtonsoftDefaults = new();
    private byte[] _bytes = [];
    private string _text = string.Empty;

    /// <summary>How the answer writes IDs.</summary>
    [Params(IdForm.Strings, IdForm.Numbers)]
    public IdForm Ids { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = ScopeDeletePayloads.Answer(Ids);
        _text = Encoding.UTF8.GetString(_bytes);
    }

    /// <summary>Newtonsoft's default settings from a string: no ID checks, no strictness, no single-object tolerance.</summary>
    [Benchmark(Baseline = true)]
    public DeleteBackupScopesResponse? NewtonsoftDefaults() => JsonConvert.DeserializeObject<DeleteBackupScopesResponse>(_text, _newtonsoftDefaults);

    /// <summary>
    /// The SDK's reader from a string: the generated model reader on the JSON reader the read path creates (exact IDs,
    /// exact names, duplicates refused, tolerant lists).
    /// </summary>
    [Benchmark]
    public DeleteBackupScopesResponse? SdkReader()
    {
        using var json = ResponseBodyReader.CreateReader(new StringReader(_text));
        return (DeleteBackupScopesResponse?)ModelReading.ReadDocument(json, typeof(DeleteBackupScopesResponse));
    }

    /// <summary>A hand-written read of a response: the body as a string, then Newtonsoft's defaults.</summary>
    [Benchmark]
    public async Task<DeleteBackupScopesResponse?> NewtonsoftDefaultsFromResponse()
    {
        using var response = Response();
        return JsonConvert.DeserializeObject<DeleteBackupScopesResponse>(await response.Content.ReadAsStringAsync(), _newtonsoftDefaults);
    }

    /// <summary>The generated methods' read of an HTTP 200: one pass, the envelope checked from it.</summary>
    [Benchmark]
    public async Task<DeleteBackupScopesResponse> SdkReadPath()
    {
        using var response = Response();
        return await ResponseBodyReader.ReadAsync<DeleteBackupScopesResponse>(response, CancellationToken.None);
    }

    private HttpResponseMessage Response()
    {
        var content = new ByteArrayContent(_bytes);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content };
    }
}
