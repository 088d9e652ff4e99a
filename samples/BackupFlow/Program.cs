using KooDrive.Emulator;
using KooDrive.Generated;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Samples;

// `dotnet run --project samples/BackupFlow`: runs the flow against a private emulator, once with an access token
// and once with AppId/AppSecret signing. With KOODRIVE_BASE_ADDRESS set (the emulator prints the export line), it runs
// once against that service instead, with the credentials of the README's quick start.
var machineCode = "sample_" + Guid.NewGuid().ToString("N")[..12];
if (Environment.GetEnvironmentVariable("KOODRIVE_BASE_ADDRESS") is { Length: > 0 })
{
    await RunAsync(name => Environment.GetEnvironmentVariable(name), machineCode);
    return;
}

await using var emulator = await KooDriveEmulator.StartAsync(new KooDriveEmulatorOptions { SeedDemoData = false });
Console.WriteLine($"Started an emulator on {emulator.BaseAddress}");
foreach (var useAccessToken in new[] { true, false })
{
    var environment = emulator.GetQuickstartEnvironment(useAccessToken).ToDictionary(v => v.Key, v => v.Value);
    Console.WriteLine(useAccessToken ? "-- token authentication" : "-- app authentication (signed)");
    await RunAsync(name => environment.GetValueOrDefault(name), $"{machineCode}_{(useAccessToken ? "t" : "a")}");
}

static async Task RunAsync(Func<string, string?> setting, string machineCode)
{
    var options = new KooDriveClientOptions
    {
        BaseAddress = new Uri(Required(setting, "KOODRIVE_BASE_ADDRESS")),
        UserId = Required(setting, "KOODRIVE_USER_ID"),
    };
    if (setting("KOODRIVE_ACCESS_TOKEN") is { Length: > 0 } token)
    {
        options.AccessTokenProvider = new StaticAccessTokenProvider(token);
    }
    else
    {
        options.AppCredential = new KooDriveAppCredential(Required(setting, "KOODRIVE_APP_ID"), Required(setting, "KOODRIVE_APP_SECRET"));
    }

    using var http = KooDriveHttpClientFactory.Create(options);
    var result = await BackupFlow.RunAsync(new BackupClient(http), machineCode, Console.Out);
    Console.WriteLine($"done: record {result.RecordId}, {result.ScopesDeleted.Succeeded.Count} scopes cleaned up");
}

static string Required(Func<string, string?> setting, string name) =>
    setting(name) ?? throw new InvalidOperationException($"Set the {name} environment variable.");
