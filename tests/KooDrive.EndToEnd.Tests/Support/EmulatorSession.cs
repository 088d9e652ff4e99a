using KooDrive.Emulator;
using KooDrive.Generated;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;

namespace KooDrive.EndToEnd.Tests.Support;

/// <summary>An emulator on loopback port 0 and SDK clients wired to it through the SDK's own pipeline.</summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    private EmulatorSession(KooDriveEmulator emulator, HttpClient http)
    {
        Emulator = emulator;
        Http = http;
        Backup = new BackupClient(http);
        Album = new AlbumClient(http);
    }

    public KooDriveEmulator Emulator { get; }

    public HttpClient Http { get; }

    public IBackupClient Backup { get; }

    public IAlbumClient Album { get; }

    public EmulatorSeed Seed => Emulator.Seed!;

    public string UserId => Emulator.Credentials.UserId;

    public static async Task<EmulatorSession> StartAsync(AuthMode mode, Action<KooDriveClientOptions>? configure = null)
    {
        var emulator = await KooDriveEmulator.StartAsync();
        var options = ClientOptions(emulator, mode);
        configure?.Invoke(options);
        return new EmulatorSession(emulator, KooDriveHttpClientFactory.Create(options));
    }

    /// <summary>SDK options for the emulator's seeded user in one authentication mode, on the given clock.</summary>
    public static KooDriveClientOptions ClientOptions(KooDriveEmulator emulator, AuthMode mode, TimeProvider? clock = null)
    {
        var options = new KooDriveClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            UserId = emulator.Credentials.UserId,
            TimeProvider = clock ?? TimeProvider.System,
        };

        // The real retry pipeline, on a short leash: backoff in milliseconds, and any Retry-After over a
        // second is handed back to the caller rather than waited for.
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Resilience.MaxDelay = TimeSpan.FromSeconds(1);
        if (mode == AuthMode.Bearer)
        {
            // No hosts: the provider trusts the client's base address, as a consumer pointing at an emulator expects.
            options.AccessTokenProvider = new StaticAccessTokenProvider(emulator.Credentials.BearerToken);
        }
        else
        {
            options.AppCredential = new KooDriveAppCredential(emulator.Credentials.AppId, emulator.Credentials.AppSecret);
        }

        return options;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
