using System.Net;

namespace KooDrive.Emulator;

/// <summary>How to start a <see cref="KooDriveEmulator"/>.</summary>
public sealed class KooDriveEmulatorOptions
{
    /// <summary>The address <c>dotnet run --project src/KooDrive.Emulator</c> listens on unless <c>--urls</c> says otherwise.</summary>
    public const string DefaultCommandLineUrl = "http://127.0.0.1:5080";

    /// <summary>The documented example user ID, used for the seeded user unless <see cref="UserId"/> is set.</summary>
    public const string DefaultUserId = "1505084218764547200";

    /// <summary>
    /// The loopback address to listen on. The default, <c>http://127.0.0.1:0</c>, picks a free port; read
    /// the bound address from <see cref="KooDriveEmulator.BaseAddress"/>.
    /// </summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>The clock for X-Date checks, token and lock expiry, timestamps and IDs.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The seeded user's ID (<c>X-User-Id</c>).</summary>
    public string UserId { get; set; } = DefaultUserId;

    /// <summary>The seeded user's access token; a random one when <see langword="null"/>.</summary>
    public string? BearerToken { get; set; }

    /// <summary>The AppId accepted for app signatures; a random one when <see langword="null"/>.</summary>
    public string? AppId { get; set; }

    /// <summary>The AppSecret that keys app signatures; a random one when <see langword="null"/>.</summary>
    public string? AppSecret { get; set; }

    /// <summary>Whether to seed a bound device with scopes, a backup record with a live lock, and an album with contents.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// Whether the seeded device, scopes and album take the example IDs the READMEs use (device
    /// <c>1842812272691451648</c>, scopes <c>1842846715527366528</c> and <c>1760265745989677312</c>, album
    /// <c>1795607640592646273</c> holding <c>Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW</c>), so the quick starts run
    /// unchanged. On by default from the command line (<see cref="FromCommandLine"/>); off by default otherwise,
    /// where every emulator gets fresh IDs.
    /// </summary>
    public bool SeedDocumentedIds { get; set; }

    /// <summary>
    /// How long every API request waits, on <see cref="TimeProvider"/>, before it is handled: a network and service
    /// round trip, for measuring a client against a realistic latency. <see cref="TimeSpan.Zero"/> (the default)
    /// adds none. Injected <c>Delay</c> faults come on top.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Console logging level; <see cref="LogLevel.None"/> (the default) logs nothing.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.None;

    /// <summary>A spec to serve instead of the embedded one (tests of how the emulator treats spec changes).</summary>
    internal Microsoft.OpenApi.OpenApiDocument? Spec { get; set; }

    /// <summary>Ctrl+C and SIGTERM stop the emulator: for the command line, not for a test host.</summary>
    internal bool HandleConsoleSignals { get; set; }

    /// <summary>
    /// The options <c>dotnet run --project src/KooDrive.Emulator</c> starts with: <c>--urls</c>, <c>--user-id</c>,
    /// <c>--token</c>, <c>--app-id</c>, <c>--app-secret</c>, <c>--seed</c>, <c>--seed-documented-ids</c>,
    /// <c>--latency-ms</c> and <c>--log-level</c>, with the command line's defaults (port 5080, the READMEs' example IDs seeded,
    /// Information logging). A test that starts an emulator with these options gets exactly the command line's.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The options.</returns>
    public static KooDriveEmulatorOptions FromCommandLine(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new ConfigurationBuilder().AddCommandLine([.. args]).Build();
        return new KooDriveEmulatorOptions
        {
            Url = configuration["urls"] ?? DefaultCommandLineUrl,
            UserId = configuration["user-id"] ?? DefaultUserId,
            BearerToken = configuration["token"],
            AppId = configuration["app-id"],
            AppSecret = configuration["app-secret"],
            SeedDemoData = !bool.TryParse(configuration["seed"], out var seed) || seed,
            SeedDocumentedIds = !bool.TryParse(configuration["seed-documented-ids"], out var documented) || documented,
            Latency = TimeSpan.FromMilliseconds(int.TryParse(configuration["latency-ms"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var latency) ? latency : 0),
            MinimumLogLevel = Enum.TryParse<LogLevel>(configuration["log-level"], ignoreCase: true, out var level) ? level : LogLevel.Information,
        };
    }

    internal Uri Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.AbsolutePath != "/")
        {
            throw new ArgumentException("Url must be an http URL with no path, e.g. http://127.0.0.1:0.", nameof(Url));
        }

        var loopback = url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            throw new ArgumentException("The emulator only listens on a loopback address (127.0.0.1, [::1] or localhost).", nameof(Url));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero, nameof(Latency));
        ArgumentException.ThrowIfNullOrWhiteSpace(UserId);
        if (BearerToken is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(BearerToken);
        }

        if (AppId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(AppId);
        }

        if (AppSecret is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(AppSecret);
        }

        return url;
    }
}
