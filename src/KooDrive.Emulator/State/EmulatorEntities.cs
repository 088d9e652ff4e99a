namespace KooDrive.Emulator.State;

/// <summary>A device bound to a user.</summary>
/// <param name="DeviceId">Device ID (a 19-digit snowflake string).</param>
/// <param name="UserId">The user the device is bound to.</param>
/// <param name="MachineCode">Machine code.</param>
/// <param name="DeviceName">Device name, if any.</param>
/// <param name="DeviceOS">Device system, if any.</param>
/// <param name="CreateTime">When the device was bound.</param>
public sealed record EmulatorDevice(string DeviceId, string UserId, string MachineCode, string? DeviceName, string? DeviceOS, DateTimeOffset CreateTime);

/// <summary>A backup scope of a device and module.</summary>
/// <param name="ScopeId">Scope ID (a 19-digit snowflake string).</param>
/// <param name="DeviceId">The device the scope belongs to.</param>
/// <param name="ModuleCode">Module code (100, 101 or 102).</param>
/// <param name="LocalPath">Local path; empty when only a target folder was given.</param>
/// <param name="TargetFolderPath">Target cloud folder; empty when only a local path was given.</param>
/// <param name="CreateTime">When the scope was added.</param>
public sealed record EmulatorScope(string ScopeId, string DeviceId, string ModuleCode, string LocalPath, string TargetFolderPath, DateTimeOffset CreateTime);

/// <summary>A backup lock: the <c>x-backup-lock-id</c> that writes to a module's backup records must name.</summary>
/// <param name="LockId">Lock ID, <c>&lt;uuid&gt;@&lt;moduleCode&gt;</c>.</param>
/// <param name="UserId">The user who holds the lock.</param>
/// <param name="ModuleCode">The module the lock guards.</param>
/// <param name="ExpiresAt">When the lock stops being live (10 minutes after it was created).</param>
public sealed record EmulatorBackupLock(string LockId, string UserId, string ModuleCode, DateTimeOffset ExpiresAt);

/// <summary>A backup record of a device and module.</summary>
/// <param name="RecordId">Record ID (a 19-digit snowflake string).</param>
/// <param name="UserId">The user who owns the record.</param>
/// <param name="DeviceId">The device that was backed up.</param>
/// <param name="ModuleCode">Module code (100, 101 or 102).</param>
/// <param name="CreateTime">When the record was created.</param>
public sealed record EmulatorBackupRecord(string RecordId, string UserId, string DeviceId, string ModuleCode, DateTimeOffset CreateTime)
{
    /// <summary>0 new, 1 completed, 2 to be deleted (<see cref="BackupRecordStatus"/>).</summary>
    public int Status { get; init; } = BackupRecordStatus.New;

    /// <summary>Custom properties, JSON text; <see langword="null"/> when none were given.</summary>
    public string? Properties { get; init; }

    /// <summary>Version: 1 when created, one more with every write.</summary>
    public int Version { get; init; } = 1;

    /// <summary>When the backup was completed.</summary>
    public DateTimeOffset? EndTime { get; init; }
}

/// <summary>The documented statuses of a backup record.</summary>
public static class BackupRecordStatus
{
    /// <summary>Created, not completed yet.</summary>
    public const int New = 0;

    /// <summary>Completed.</summary>
    public const int Completed = 1;

    /// <summary>To be deleted.</summary>
    public const int ToBeDeleted = 2;
}

/// <summary>A backup configuration item of a device and module.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="ModuleCode">Module code (100, 101 or 102).</param>
/// <param name="ConfigName">Item name.</param>
/// <param name="ConfigValue">Current value.</param>
/// <param name="Description">What the item means.</param>
public sealed record EmulatorConfig(string DeviceId, string ModuleCode, string ConfigName, string ConfigValue, string Description);

/// <summary>An album and the IDs of the contents (files) in it.</summary>
/// <param name="AlbumId">Album ID (a 19-digit snowflake string).</param>
/// <param name="UserId">The user who owns the album.</param>
/// <param name="Name">Album name.</param>
/// <param name="IsManual">Whether this is a manual album (type 2); only manual albums allow removing contents.</param>
/// <param name="ContentIds">The content (file) IDs in the album, in insertion order.</param>
public sealed record EmulatorAlbum(string AlbumId, string UserId, string Name, bool IsManual, IReadOnlyList<string> ContentIds)
{
    /// <summary>1 personal album, 2 shared album.</summary>
    public int AlbumKind { get; init; } = 1;

    /// <summary>The family group a shared album belongs to.</summary>
    public string? GroupId { get; init; }

    /// <summary>The directories a collection album collects from.</summary>
    public IReadOnlyList<string> ScopeDir { get; init; } = [];

    /// <summary>The parent folder of <see cref="ScopeDir"/>.</summary>
    public string? ScopeParentFolderId { get; init; }

    /// <summary>What a collection album collects: <c>1</c> images, <c>2</c> videos, <c>1,2</c> both.</summary>
    public string? ScopeKind { get; init; }
}
