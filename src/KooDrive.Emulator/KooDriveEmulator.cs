using System.Security.Cryptography;
using KooDrive.Emulator.Admin;
using KooDrive.Emulator.Api;
using KooDrive.Emulator.Auth;
using KooDrive.Emulator.Faults;
using KooDrive.Emulator.Hosting;
using KooDrive.Emulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace KooDrive.Emulator;

/// <summary>
/// A local emulator of the KooDrive API, served by Kestrel on loopback: every spec operation, with
/// in-memory state, both authentication modes, and fault injection. Start one per test (port 0 picks a
/// free port) and dispose it afterwards.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await KooDriveEmulator.StartAsync();
/// using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
/// emulator.Faults.Inject("DeleteBackupScopes", EmulatorFault.ServerError(503));
/// </code>
/// </example>
public sealed class KooDriveEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private KooDriveEmulator(
        WebApplication app,
        Uri baseAddress,
        EmulatorCredentials credentials,
        EmulatorState state,
        FaultInjector faults,
        EmulatorSeed? seed,
        IReadOnlyList<EmulatorRoute> routes)
    {
        _app = app;
        BaseAddress = baseAddress;
        Credentials = credentials;
        State = state;
        Faults = faults;
        Seed = seed;
        Routes = routes;
    }

    /// <summary>The address the emulator listens on, ending in '/', ready for <see cref="HttpClient.BaseAddress"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The seeded user's credentials: a Bearer token and an AppId/AppSecret pair.</summary>
    public EmulatorCredentials Credentials { get; }

    /// <summary>The service state, to arrange data and inspect what requests changed.</summary>
    public EmulatorState State { get; }

    /// <summary>Fault injection, per operation.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The seeded demo data, or <see langword="null"/> when seeding was switched off.</summary>
    public EmulatorSeed? Seed { get; }

    /// <summary>
    /// The environment variables the READMEs' quick starts read, set to reach this emulator as its seeded user:
    /// <c>KOODRIVE_BASE_ADDRESS</c>, <c>KOODRIVE_USER_ID</c> and either <c>KOODRIVE_APP_ID</c> with
    /// <c>KOODRIVE_APP_SECRET</c> (plus the <c>KooDrive__*</c> configuration keys of the dependency-injection
    /// quick start) or <c>KOODRIVE_ACCESS_TOKEN</c>. The command line prints them as <c>export</c> lines.
    /// </summary>
    /// <param name="useAccessToken">True for token authentication, false for app authentication.</param>
    /// <returns>Variable names and values, in print order.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> GetQuickstartEnvironment(bool useAccessToken) =>
        QuickstartEnvironment.For(BaseAddress, Credentials, useAccessToken);

    /// <summary>
    /// <see cref="GetQuickstartEnvironment"/> as one POSIX shell <c>export</c> line, each value single-quoted so
    /// that any character pastes safely. The command line prints it for both modes.
    /// </summary>
    /// <param name="useAccessToken">True for token authentication, false for app authentication.</param>
    /// <returns>The <c>export</c> line.</returns>
    public string GetQuickstartExportLine(bool useAccessToken) =>
        QuickstartEnvironment.Exports(GetQuickstartEnvironment(useAccessToken));

    /// <summary>The API routes the emulator serves, as read back from its endpoint table.</summary>
    public IReadOnlyList<EmulatorRoute> Routes { get; }

    /// <summary>Starts an emulator and waits until it accepts connections.</summary>
    /// <param name="options">Where to listen, the clock, credentials and seeding; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option is invalid (for example a non-loopback URL).</exception>
    public static async Task<KooDriveEmulator> StartAsync(KooDriveEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KooDriveEmulatorOptions();
        var url = options.Validate();
        var time = options.TimeProvider;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(KooDriveEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(url.GetLeftPart(UriPartial.Authority));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        if (!options.HandleConsoleSignals)
        {
            builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        }

        ConfigureLogging(builder.Logging, options.MinimumLogLevel);

        var state = new EmulatorState(time);
        state.AddUser(options.UserId);
        var credentials = new EmulatorCredentials(
            options.UserId,
            options.BearerToken ?? state.IssueToken(options.UserId),
            options.AppId ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            options.AppSecret ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        if (options.BearerToken is not null)
        {
            state.AddToken(options.BearerToken, options.UserId);
        }

        state.RegisterApp(credentials.AppId, credentials.AppSecret);
        var seed = options.SeedDemoData ? DemoSeeder.Seed(state, options.UserId, options.SeedDocumentedIds) : null;
        var faults = new FaultInjector();

        var app = builder.Build();
        try
        {
            var loggers = app.Services.GetRequiredService<ILoggerFactory>();
            var authenticator = new RequestAuthenticator(state, time, loggers.CreateLogger<RequestAuthenticator>());
            var pipeline = new ApiPipeline(state, faults, authenticator, time, options.Latency, loggers.CreateLogger<ApiPipeline>());
            EmulatorEndpoints.MapApi(app, pipeline, options.Spec is null ? OperationTable.All : OperationTable.Build(options.Spec, OperationTable.Behaviours()));
            AdminEndpoints.Map(app, state, faults, options.UserId);

            // The routes come from the spec, so there is nothing to verify at start-up: an operation without
            // behaviour answers 501, and SpecParityTests reports it (once) with the file to add.
            var routes = EmulatorEndpoints.ReadRoutes(app);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new KooDriveEmulator(app, new Uri(address.TrimEnd('/') + "/"), credentials, state, faults, seed, routes);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes when the emulator stops (Ctrl+C for the command line, or <see cref="DisposeAsync"/>).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes on shutdown.</returns>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops listening and releases the port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel level)
    {
        logging.ClearProviders();
        if (level == LogLevel.None)
        {
            return;
        }

        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        logging.SetMinimumLevel(level);
        logging.AddFilter("Microsoft", LogLevel.Warning);
    }
}
