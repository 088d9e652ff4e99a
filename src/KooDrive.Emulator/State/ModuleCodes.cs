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

/// <summary>The album types: 1 collection album, 2 manual album.</summary>
public static class AlbumTypes
{
    /// <summary>A collection album: it collects the images and videos of directories.</summary>
    public const int Collection = 1;

    /// <summary>A manual album: contents are added to it by hand.</summary>
    public const int Manual = 2;
}
