using System.Security.Cryptography;

namespace KooDrive.Emulator.State;

/// <summary>The demo data every started emulator holds unless seeding is switched off.</summary>
internal static class DemoSeeder
{
    private const int FolderBackupCount = 7;

    private const int ExtraAlbumCount = 6;

    private const string FileIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static EmulatorSeed Seed(EmulatorState state, string userId)
    {
        var device = state.BindDevice(userId, "20250911", "Magic v3", "android");
        EmulatorScope[] scopes =
        [
            state.AddScope(device.DeviceId, ModuleCodes.FolderBackup, "/storage/emulated/0/Documents", "/Backup/Documents"),
            state.AddScope(device.DeviceId, ModuleCodes.AlbumBackup, "/storage/emulated/0/DCIM/Camera", "/Backup/Camera"),
        ];
        var backupLock = state.CreateBackupLock(userId, ModuleCodes.AddressBookBackup);
        var record = state.CreateBackupRecord(userId, device.DeviceId, ModuleCodes.AddressBookBackup);
        var album = state.CreateAlbum(userId, "Holiday", [NewFileId(), NewFileId(), NewFileId()]);

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
