namespace KooDrive.Emulator;

/// <summary>The spec's operationIds the emulator implements; fault injection targets them.</summary>
public static class EmulatorOperations
{
    /// <summary>POST /koodrive/ose/v1/backup/device/{deviceId}/scope.</summary>
    public const string AddBackupScopes = "AddBackupScopes";

    /// <summary>DELETE /koodrive/ose/v1/backup/device/{deviceId}/scope.</summary>
    public const string DeleteBackupScopes = "DeleteBackupScopes";

    /// <summary>DELETE /koodrive/ose/v1/backup/device/{deviceId}.</summary>
    public const string UnbindDevice = "UnbindDevice";

    /// <summary>DELETE /koodrive/ose/v1/backup/record/{recordId}.</summary>
    public const string DeleteBackupRecord = "DeleteBackupRecord";

    /// <summary>DELETE /koodrive/ose/v1/{albumId}/batchDelete.</summary>
    public const string DeleteAlbumContents = "DeleteAlbumContents";

    /// <summary>Every operationId above.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        AddBackupScopes, DeleteBackupScopes, UnbindDevice, DeleteBackupRecord, DeleteAlbumContents,
    };
}
