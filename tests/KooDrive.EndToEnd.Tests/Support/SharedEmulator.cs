using KooDrive.Emulator;
using KooDrive.Generated;
using KooDrive.Generated.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace KooDrive.EndToEnd.Tests.Support;

/// <summary>
/// One emulator for a whole test class (a class fixture), on a fake clock that the SDK shares, with SDK
/// clients in both authentication modes. Tests arrange their own devices, locks and albums, so they do
/// not see each other's changes.
/// </summary>
public sealed class SharedEmulator : IAsyncLifetime
{
    private readonly Dictionary<AuthMode, HttpClient> _http = [];
    private KooDriveEmulator? _emulator;

    /// <summary>The clock of the emulator and of both SDK pipelines; only tests move it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public KooDriveEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    public string UserId => Emulator.Credentials.UserId;

    /// <summary>Requests that reached the network through this fixture's clients, in both modes.</summary>
    public int RequestsSent => _counter.Count;

    public IBackupClient Backup(AuthMode mode) => new BackupClient(_http[mode]);

    public IAlbumClient Album(AuthMode mode) => new AlbumClient(_http[mode]);

    private readonly RequestCounter _counter = new();

    public async Task InitializeAsync()
    {
        _emulator = await KooDriveEmulator.StartAsync(new KooDriveEmulatorOptions { TimeProvider = Clock });
        foreach (var mode in Enum.GetValues<AuthMode>())
        {
            _http[mode] = KooDriveHttpClientFactory.Create(EmulatorSession.ClientOptions(_emulator, mode, Clock), new CountingHandler(_counter));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var http in _http.Values)
        {
            http.Dispose();
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

/// <summary>A running count of the requests that reach the network.</summary>
internal sealed class RequestCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}

/// <summary>The transport, counting every request it sends.</summary>
internal sealed class CountingHandler(RequestCounter counter) : DelegatingHandler(KooDriveHttpClientFactory.CreatePrimaryHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counter.Add();
        return base.SendAsync(request, cancellationToken);
    }
}
