using KooDrive.Emulator.State;

namespace KooDrive.Emulator;

/// <summary>The demo data a started emulator holds for its seeded user.</summary>
/// <param name="Device">A bound device.</param>
/// <param name="Scopes">Backup scopes of the device (modules 100 and 101).</param>
/// <param name="BackupRecord">A backup record of the device for module 102.</param>
/// <param name="BackupLock">A live backup lock for module 102 (valid 10 minutes from startup by the emulator's clock).</param>
/// <param name="Album">A manual album with three contents.</param>
public sealed record EmulatorSeed(
    EmulatorDevice Device,
    IReadOnlyList<EmulatorScope> Scopes,
    EmulatorBackupRecord BackupRecord,
    EmulatorBackupLock BackupLock,
    EmulatorAlbum Album)
{
    /// <summary>Completed folder backups (module 100) of <see cref="Device"/>, newest last: enough to page through.</summary>
    public IReadOnlyList<EmulatorBackupRecord> FolderBackupRecords { get; init; } = [];

    /// <summary>Every seeded album (manual, personal), <see cref="Album"/> first: enough to page through.</summary>
    public IReadOnlyList<EmulatorAlbum> Albums { get; init; } = [];
}
