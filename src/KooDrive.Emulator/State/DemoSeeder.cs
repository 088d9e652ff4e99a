using System.Security.Cryptography;

namespace KooDrive.Emulator.State;

/// <summary>The demo data every started emulator holds unless seeding is switched off.</summary>
internal static class DemoSeeder
{
    private const int FolderBackupCount = 7;

    private const int ExtraAlbumCount = 6;

    private const string FileIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    // The example IDs of the READMEs' quick starts (taken from the doc pages), seeded when asked so that the
    // quick starts run unchanged against `dotnet run`.
    private const string DocumentedDeviceId = "1842812272691451648";
    private const string DocumentedFolderScopeId = "1842846715527366528";
    private const string DocumentedAlbumScopeId = "1760265745989677312";
    private const string DocumentedAlbumId = "1795607640592646273";
    private const string DocumentedContentId = "Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW";

    public static EmulatorSeed Seed(EmulatorState state, string userId, bool documentedIds = false)
    {
        var device = state.BindDevice(userId, "20250911", "Magic v3", "android", documentedIds ? DocumentedDeviceId : null);
        EmulatorScope[] scopes =
        [
            state.AddScope(device.DeviceId, ModuleCodes.FolderBackup, "/storage/emulated/0/Documents", "/Backup/Documents", documentedIds ? DocumentedFolderScopeId : null),
            state.AddScope(device.DeviceId, ModuleCodes.AlbumBackup, "/storage/emulated/0/DCIM/Camera", "/Backup/Camera", documentedIds ? DocumentedAlbumScopeId : null),
        ];
        var backupLock = state.CreateBackupLock(userId, ModuleCodes.AddressBookBackup);
        var record = state.CreateBackupRecord(userId, device.DeviceId, ModuleCodes.AddressBookBackup);
        var album = state.CreateAlbum(
            userId,
            "Holiday",
            [documentedIds ? DocumentedContentId : NewFileId(), NewFileId(), NewFileId()],
            albumId: documentedIds ? DocumentedAlbumId : null);

        // Enough history to page through: seven folder backups, all completed, and six more albums.
        var folderBackups = Enumerable.Range(0, FolderBackupCount)
            .Select(_ => state.CompleteBackupRecord(state.CreateBackupRecord(userId, device.DeviceId, ModuleCodes.FolderBackup).RecordId))
            .ToList();
        EmulatorAlbum[] albums =
        [
            album,
            .. Enumerable.Range(1, ExtraAlbumCount).Select(i => state.CreateAlbum(userId, $"Album {i}", [NewFileId()])),
        ];
        return new EmulatorSeed(device, scopes, record, backupLock, album)
        {
            FolderBackupRecords = folderBackups,
            Albums = albums,
        };
    }

    /// <summary>A file ID shaped like the docs' examples (<c>Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW</c>): 'F' and 32 URL-safe characters.</summary>
    public static string NewFileId() => "F" + RandomNumberGenerator.GetString(FileIdAlphabet, 32);
}
