using System.Net;
using System.Net.Http.Json;
using System.Text;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using Newtonsoft.Json;

namespace KooDrive.Generated.Benchmarks.Harness;

/// <summary>The ways of making the compared call. The first is the baseline of every ratio.</summary>
public enum Variant
{
    /// <summary>Hand-written: <see cref="HttpClient"/>, Newtonsoft to and from strings, a status and envelope check.</summary>
    HandWrittenNewtonsoft,

    /// <summary>Hand-written with System.Text.Json (<c>JsonContent</c>, <c>ReadFromJsonAsync</c>).</summary>
    HandWrittenSystemTextJson,

    /// <summary>Refit with a Newtonsoft content serializer.</summary>
    Refit,

    /// <summary>The client NSwag generates from the same spec with its default settings.</summary>
    PlainNSwag,

    /// <summary>The SDK in token mode with its default pipeline.</summary>
    SdkToken,

    /// <summary>The SDK with app signing.</summary>
    SdkSigned,

    /// <summary>The SDK in token mode with resilience disabled.</summary>
    SdkTokenNoResilience,

    /// <summary>
    /// The generated client over a plain <see cref="HttpClient"/>, none of the SDK's handlers: what the SDK's own
    /// request and response code costs, apart from its pipeline. Not a way to use the SDK (no credentials).
    /// </summary>
    SdkBareClient,
}

/// <summary>
/// Every <see cref="Variant"/>, ready to call, all against one transport. Each call builds its own request from the
/// IDs (as a user's code would) and returns how many IDs the answer accounts for.
/// </summary>
public sealed class CallVariants : IAsyncDisposable
{
    private readonly LoopbackAnswerServer? _server;
    private readonly Func<HttpMessageHandler> _transport;
    private readonly List<HttpClient> _clients = [];
    private readonly Lazy<HttpClient> _plain;
    private readonly Func<string[], Task<int>>?[] _calls;

    private CallVariants(LoopbackAnswerServer? server, Func<HttpMessageHandler> transport, Uri address)
    {
        _server = server;
        _transport = transport;
        Address = address;
        _plain = new Lazy<HttpClient>(() =>
        {
            var plain = Track(new HttpClient(transport(), disposeHandler: true) { BaseAddress = address });
            plain.DefaultRequestHeaders.Authorization = new("Bearer", ScopeDeletePayloads.AccessToken);
            plain.DefaultRequestHeaders.Add("X-User-Id", ScopeDeletePayloads.UserId);
            return plain;
        });
        _calls = new Func<string[], Task<int>>?[All.Count];
    }

    /// <summary>Every variant, first the baseline.</summary>
    public static IReadOnlyList<Variant> All { get; } = Enum.GetValues<Variant>();

    /// <summary>The base address the variants call.</summary>
    public Uri Address { get; }

    /// <summary>Creates the variants over <paramref name="transport"/>, answering IDs in <paramref name="form"/>.</summary>
    public static async Task<CallVariants> CreateAsync(Transport transport, IdForm form)
    {
        var answer = ScopeDeletePayloads.Answer(form);
        if (transport == Transport.InMemory)
        {
            var address = new Uri("http://127.0.0.1/");
            return new CallVariants(null, () => new InMemoryAnswerHandler(answer), address);
        }

        var server = await LoopbackAnswerServer.StartAsync(answer).ConfigureAwait(false);
        return new CallVariants(server, CreateSocketsHandler, server.Address);
    }

    /// <summary>Creates the variants against a server someone else runs (the cold-start children).</summary>
    public static CallVariants Connect(Uri address) => new(null, CreateSocketsHandler, address);

    /// <summary>
    /// The call of <paramref name="variant"/>, its client created on first use only (a cold-start child creates
    /// nothing but the variant it measures).
    /// </summary>
    public Func<string[], Task<int>> Call(Variant variant) => _calls[(int)variant] ??= Create(variant);

    /// <summary>Calls every variant once and checks each accounts for every ID, so all rows measure the same work.</summary>
    public async Task VerifyAsync()
    {
        var ids = ScopeDeletePayloads.Ids();
        foreach (var variant in All)
        {
            var count = await Call(variant)(ids).ConfigureAwait(false);
            if (count != ids.Length)
            {
                throw new InvalidOperationException($"{variant} accounted for {count} of {ids.Length} IDs.");
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    // The same connection settings for every variant: what KooDriveHttpClientFactory.CreatePrimaryHandler sets
    // that changes the cost of a call (no redirects, no cookies; decompression is free on an uncompressed answer).
    private static SocketsHttpHandler CreateSocketsHandler() => new() { AllowAutoRedirect = false, UseCookies = false };

    private Func<string[], Task<int>> Create(Variant variant)
    {
        var path = new Uri(ScopeDeletePayloads.RelativePath, UriKind.Relative);
        switch (variant)
        {
            case Variant.HandWrittenNewtonsoft:
                return ids => HandWrittenNewtonsoftAsync(_plain.Value, path, ids);
            case Variant.HandWrittenSystemTextJson:
                return ids => HandWrittenSystemTextJsonAsync(_plain.Value, path, ids);
            case Variant.Refit:
                var refit = global::Refit.RestService.For<IScopeApi>(_plain.Value, new global::Refit.RefitSettings(new NewtonsoftContentSerializer()));
                return async ids => (await refit.DeleteScopesAsync(ScopeDeletePayloads.DeviceId, new HandDeleteRequest { ScopeIdList = ids }).ConfigureAwait(false)).CountOrThrow();
            case Variant.PlainNSwag:
                var nswag = new PlainNSwag.Client(_plain.Value) { BaseUrl = Address.ToString() };
                return async ids =>
                {
                    var answer = await nswag.DeleteBackupScopesAsync(new PlainNSwag.DeleteBackupScopesRequest { ScopeIdList = ids }, ScopeDeletePayloads.DeviceId).ConfigureAwait(false);
                    return answer.ScopeIdList.Count + answer.FailedScopeList.Count;
                };
            case Variant.SdkBareClient:
                var bare = new BackupClient(Track(new HttpClient(_transport(), disposeHandler: true) { BaseAddress = Address }));
                return ids => SdkAsync(bare, ids);
            default:
                var sdk = new BackupClient(Sdk(signed: variant == Variant.SdkSigned, resilience: variant != Variant.SdkTokenNoResilience));
                return ids => SdkAsync(sdk, ids);
        }
    }

    private static async Task<int> HandWrittenNewtonsoftAsync(HttpClient http, Uri path, string[] ids)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path)
        {
            Content = new StringContent(JsonConvert.SerializeObject(new HandDeleteRequest { ScopeIdList = ids }), Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
        }

        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return (JsonConvert.DeserializeObject<HandDeleteResponse>(body) ?? throw new HttpRequestException("null body")).CountOrThrow();
    }

    private static async Task<int> HandWrittenSystemTextJsonAsync(HttpClient http, Uri path, string[] ids)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path)
        {
            Content = JsonContent.Create(new HandDeleteRequest { ScopeIdList = ids }, options: StringFromNumberConverter.Options),
        };
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
        }

        var answer = await response.Content.ReadFromJsonAsync<HandDeleteResponse>(StringFromNumberConverter.Options).ConfigureAwait(false);
        return (answer ?? throw new HttpRequestException("null body")).CountOrThrow();
    }

    private static async Task<int> SdkAsync(BackupClient client, string[] ids)
    {
        var request = new DeleteBackupScopesRequest();
        foreach (var id in ids)
        {
            request.ScopeIdList.Add(id);
        }

        var answer = await client.DeleteBackupScopesAsync(ScopeDeletePayloads.DeviceId, request).ConfigureAwait(false);
        return (answer.ScopeIdList?.Count ?? 0) + (answer.FailedScopeList?.Count ?? 0);
    }

    private HttpClient Sdk(bool signed, bool resilience)
    {
        var options = new KooDriveClientOptions { BaseAddress = Address, UserId = ScopeDeletePayloads.UserId };
        if (signed)
        {
            options.AppCredential = new KooDriveAppCredential("benchmarkAppId", "benchmarkAppSecret");
        }
        else
        {
            options.AccessTokenProvider = new StaticAccessTokenProvider(ScopeDeletePayloads.AccessToken, Address.Host);
        }

        options.Resilience.Enabled = resilience;
        return Track(KooDriveHttpClientFactory.Create(options, _transport()));
    }

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }
}
