using System.Globalization;
using KooDrive.Emulator;

// `dotnet run --project src/KooDrive.Emulator [--urls http://127.0.0.1:5080] [--user-id ..] [--token ..]
//  [--app-id ..] [--app-secret ..] [--seed true|false] [--seed-documented-ids true|false] [--log-level Information]`
var options = KooDriveEmulatorOptions.FromCommandLine(args);
options.HandleConsoleSignals = true;

await using var emulator = await KooDriveEmulator.StartAsync(options);
var console = Console.Out;

// These are the emulator's own demo credentials, printed on purpose so a developer can call it.
console.WriteLine($"KooDrive emulator listening on {emulator.BaseAddress}");
console.WriteLine("Credentials (send X-User-Id and X-Date with either mode):");
console.WriteLine($"  X-User-Id      {emulator.Credentials.UserId}");
console.WriteLine($"  Bearer token   {emulator.Credentials.BearerToken}  (valid while used at least every 20 minutes)");
console.WriteLine($"  AppId          {emulator.Credentials.AppId}");
console.WriteLine($"  AppSecret      {emulator.Credentials.AppSecret}");
if (emulator.Seed is { } data)
{
    console.WriteLine("Seeded data:");
    console.WriteLine($"  device         {data.Device.DeviceId} ({data.Device.DeviceName}, {data.Device.DeviceOS})");
    foreach (var scope in data.Scopes)
    {
        console.WriteLine($"  backup scope   {scope.ScopeId} (module {scope.ModuleCode}: {scope.LocalPath} -> {scope.TargetFolderPath})");
    }

    console.WriteLine($"  backup record  {data.BackupRecord.RecordId} (module {data.BackupRecord.ModuleCode})");
    console.WriteLine($"  backup lock    {data.BackupLock.LockId} (live until {data.BackupLock.ExpiresAt.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC)");
    console.WriteLine($"  album          {data.Album.AlbumId} ({data.Album.Name}: {string.Join(", ", data.Album.ContentIds)})");
    console.WriteLine($"  to page        {data.FolderBackupRecords.Count} completed backup records of module 100, {data.Albums.Count} manual albums");
}

console.WriteLine();
console.WriteLine("Run the README quick start against this emulator: paste one of these into the shell that runs it.");
console.WriteLine("  # app authentication");
console.WriteLine("  " + emulator.GetQuickstartExportLine(useAccessToken: false));
console.WriteLine("  # token authentication");
console.WriteLine("  " + emulator.GetQuickstartExportLine(useAccessToken: true));
console.WriteLine();
console.WriteLine("Admin: GET|POST|DELETE /__emulator/faults; POST /__emulator/tokens|devices|locks|records|albums (docs/emulator.md).");
console.WriteLine("Press Ctrl+C to stop.");
await emulator.WaitForShutdownAsync();
