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

    public static async Task<EmulatorSession> StartAsync(AuthMode mode)
    {
        var emulator = await KooDriveEmulator.StartAsync();
        var options = new KooDriveClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            UserId = emulator.Credentials.UserId,
        };
        if (mode == AuthMode.Bearer)
        {
            options.AccessTokenProvider = new StaticAccessTokenProvider(emulator.Credentials.BearerToken, emulator.BaseAddress.Host);
        }
        else
        {
            options.AppCredential = new KooDriveAppCredential(emulator.Credentials.AppId, emulator.Credentials.AppSecret);
        }

        return new EmulatorSession(emulator, KooDriveHttpClientFactory.Create(options));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
