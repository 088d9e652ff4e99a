using System.Net.Http.Headers;
using System.Text;

namespace KooDrive.Emulator.Tests.Support;

/// <summary>One emulator on a free loopback port with a manual clock, and HTTP clients for it.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    /// <summary>The reference vectors' X-Date, plus a little: every test runs at a known instant.</summary>
    public static readonly DateTimeOffset Start = new(2025, 11, 3, 7, 5, 0, TimeSpan.Zero);

    private readonly List<HttpClient> _clients = [];

    private EmulatorHarness(KooDriveEmulator emulator, ManualTimeProvider clock)
    {
        Emulator = emulator;
        Clock = clock;
    }

    public KooDriveEmulator Emulator { get; }

    public ManualTimeProvider Clock { get; }

    public EmulatorSeed Seed => Emulator.Seed!;

    public string UserId => Emulator.Credentials.UserId;

    public static async Task<EmulatorHarness> StartAsync(Action<KooDriveEmulatorOptions>? configure = null)
    {
        var clock = new ManualTimeProvider(Start);
        var options = new KooDriveEmulatorOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return new EmulatorHarness(await KooDriveEmulator.StartAsync(options), clock);
    }

    /// <summary>A client that authenticates every request as the seeded user.</summary>
    public HttpClient Client(AuthMode mode) => Track(new HttpClient(new TestAuthHandler(mode, Emulator.Credentials, Clock)) { BaseAddress = Emulator.BaseAddress });

    /// <summary>A client that adds nothing: the test sets every header itself.</summary>
    public HttpClient RawClient() => Track(new HttpClient { BaseAddress = Emulator.BaseAddress });

    public static HttpRequestMessage Request(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    public static async Task<ApiResponse> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = Request(method, path, json);
        configure?.Invoke(request);
        return await ApiResponse.ReadAsync(await client.SendAsync(request));
    }

    /// <summary>Headers of a valid Bearer-authenticated request, for tests that then break one of them.</summary>
    public void AddBearerHeaders(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Emulator.Credentials.BearerToken);
        request.Headers.Add("X-User-Id", UserId);
        request.Headers.Add("X-Date", ReferenceSigner.XDate(Clock.GetUtcNow()));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Emulator.DisposeAsync();
    }

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }
}
