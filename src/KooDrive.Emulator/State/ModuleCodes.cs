namespace KooDrive.Emulator.State;

/// <summary>The module codes of the backup family: 100 folder backup, 101 album backup, 102 address book backup.</summary>
public static class ModuleCodes
{
    /// <summary>Folder backup.</summary>
    public const string FolderBackup = "100";

    /// <summary>Album backup.</summary>
    public const string AlbumBackup = "101";

    /// <summary>Address book backup.</summary>
    public const string AddressBookBackup = "102";

    /// <summary>Whether <paramref name="moduleCode"/> is one of the three documented module codes.</summary>
    /// <param name="moduleCode">The code to test.</param>
    /// <returns><see langword="true"/> for <c>100</c>, <c>101</c> and <c>102</c>.</returns>
    public static bool IsValid(string? moduleCode) =>
        moduleCode is FolderBackup or AlbumBackup or AddressBookBackup;
}
