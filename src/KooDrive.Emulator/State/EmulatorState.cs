using System.Security.Cryptography;
using KooDrive.Emulator.Api;

namespace KooDrive.Emulator.State;

/// <summary>
/// The emulator's in-memory service state: users, credentials, bound devices, backup scopes, backup locks,
/// backup records and albums. Thread-safe; every operation is atomic. Tests use the public members to
/// arrange data and to check what a request changed.
/// </summary>
public sealed partial class EmulatorState
{
    /// <summary>A token stays valid while it is used at least once every 20 minutes (the documented sliding window).</summary>
    public static readonly TimeSpan TokenIdleTimeout = TimeSpan.FromMinutes(20);

    /// <summary>How long a new backup lock lives: the spec's lease of CreateBackupLock (10 minutes on the createBackupLock page).</summary>
    public static TimeSpan BackupLockLifetime => OperationTable.Lease("CreateBackupLock");

    /// <summary>How long a renewed backup lock lives from the renewal: the spec's lease of RenewBackupLock.</summary>
    public static TimeSpan RenewedBackupLockLifetime => OperationTable.Lease("RenewBackupLock");

    private static readonly (string Name, string Value, string Description)[] DefaultConfigs =
    [
        ("wifiOnly", "true", "Back up only on Wi-Fi."),
        ("chargingOnly", "false", "Back up only while charging."),
        ("autoBackup", "true", "Back up automatically every day."),
    ];

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SnowflakeIdGenerator _ids;
    private readonly HashSet<string> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenEntry> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _appSecrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatorDevice> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatorScope> _scopes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatorBackupLock> _locks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatorBackupRecord> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlbumEntry> _albums = new(StringComparer.Ordinal);
    private readonly Dictionary<(string DeviceId, string ModuleCode, string Name), EmulatorConfig> _configs = [];

    internal EmulatorState(TimeProvider time)
    {
        _time = time;
        _ids = new SnowflakeIdGenerator(time);
    }

    /// <summary>Creates a new, unique 19-digit ID the way the service does.</summary>
    /// <returns>A decimal string above 2^53.</returns>
    public string NewId() => _ids.Next();

    /// <summary>Adds a user; adding a known user again does nothing.</summary>
    /// <param name="userId">The KooDrive user ID (<c>X-User-Id</c>).</param>
    public void AddUser(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        lock (_gate)
        {
            _users.Add(userId);
        }
    }

    /// <summary>Whether the user is known.</summary>
    /// <param name="userId">The KooDrive user ID.</param>
    /// <returns><see langword="true"/> if the user was added.</returns>
    public bool HasUser(string userId)
    {
        lock (_gate)
        {
            return _users.Contains(userId);
        }
    }

    /// <summary>Issues a new access token for a known user.</summary>
    /// <param name="userId">The user the token acts for.</param>
    /// <returns>The token, to send as <c>Authorization: Bearer &lt;token&gt;</c>.</returns>
    public string IssueToken(string userId)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        AddToken(token, userId);
        return token;
    }

    /// <summary>Registers a chosen token for a known user (for fixed demo credentials).</summary>
    /// <param name="token">The token value.</param>
    /// <param name="userId">The user the token acts for.</param>
    public void AddToken(string token, string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        lock (_gate)
        {
            RequireUser(userId);
            _tokens[token] = new TokenEntry(userId, _time.GetUtcNow());
        }
    }

    /// <summary>Revokes a token; later requests with it fail authentication.</summary>
    /// <param name="token">The token to revoke.</param>
    public void RevokeToken(string token)
    {
        lock (_gate)
        {
            _tokens.Remove(token);
        }
    }

    /// <summary>Registers an app for app-signature authentication.</summary>
    /// <param name="appId">The AppId of the <c>Authorization</c> header.</param>
    /// <param name="appSecret">The AppSecret that keys the HMAC.</param>
    public void RegisterApp(string appId, string appSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        lock (_gate)
        {
            _appSecrets[appId] = appSecret;
        }
    }

    /// <summary>Binds a device to a known user.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="machineCode">Machine code.</param>
    /// <param name="deviceName">Device name.</param>
    /// <param name="deviceOS">Device system.</param>
    /// <param name="deviceId">A chosen ID (digits, unused), e.g. to replay a documented example; a new one when <see langword="null"/>.</param>
    /// <returns>The bound device.</returns>
    public EmulatorDevice BindDevice(string userId, string machineCode, string? deviceName = null, string? deviceOS = null, string? deviceId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(machineCode);
        RequireDigits(deviceId, nameof(deviceId));
        lock (_gate)
        {
            RequireUser(userId);
            if (deviceId is not null && _devices.ContainsKey(deviceId))
            {
                throw new ArgumentException("A device with this ID is already bound.", nameof(deviceId));
            }

            var device = new EmulatorDevice(deviceId ?? _ids.Next(), userId, machineCode, deviceName, deviceOS, _time.GetUtcNow());
            _devices.Add(device.DeviceId, device);
            AddDefaultConfigs(device.DeviceId);
            return device;
        }
    }

    /// <summary>The devices bound to a user, oldest first.</summary>
    /// <param name="userId">The user.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<EmulatorDevice> GetDevices(string userId)
    {
        lock (_gate)
        {
            return [.. _devices.Values.Where(d => d.UserId == userId).OrderBy(d => ulong.Parse(d.DeviceId, System.Globalization.CultureInfo.InvariantCulture))];
        }
    }

    /// <summary>Adds one backup scope, with the same uniqueness rule as the add-scopes operation.</summary>
    /// <param name="deviceId">A bound device.</param>
    /// <param name="moduleCode">100, 101 or 102.</param>
    /// <param name="localPath">Local path, or empty.</param>
    /// <param name="targetFolderPath">Target cloud folder, or empty.</param>
    /// <param name="scopeId">A chosen ID (digits, unused), e.g. to replay a documented example; a new one when <see langword="null"/>.</param>
    /// <returns>The new scope.</returns>
    /// <exception cref="InvalidOperationException">The device already has this scope for the module.</exception>
    public EmulatorScope AddScope(string deviceId, string moduleCode, string? localPath, string? targetFolderPath, string? scopeId = null)
    {
        if (!ModuleCodes.IsValid(moduleCode))
        {
            throw new ArgumentException("The module code must be 100, 101 or 102.", nameof(moduleCode));
        }

        RequireDigits(scopeId, nameof(scopeId));
        lock (_gate)
        {
            if (!_devices.ContainsKey(deviceId))
            {
                throw new ArgumentException("No device with this ID is bound.", nameof(deviceId));
            }

            if (scopeId is not null && _scopes.ContainsKey(scopeId))
            {
                throw new ArgumentException("A scope with this ID already exists.", nameof(scopeId));
            }

            var key = ScopeKey(localPath ?? string.Empty, targetFolderPath ?? string.Empty);
            if (_scopes.Values.Any(s => s.DeviceId == deviceId && s.ModuleCode == moduleCode && ScopeKey(s.LocalPath, s.TargetFolderPath) == key))
            {
                throw new InvalidOperationException("The device already has this backup scope for the module.");
            }

            return CreateScope(deviceId, moduleCode, localPath ?? string.Empty, targetFolderPath ?? string.Empty, scopeId);
        }
    }

    /// <summary>The backup scopes of a device, all modules, oldest first.</summary>
    /// <param name="deviceId">The device.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<EmulatorScope> GetScopes(string deviceId)
    {
        lock (_gate)
        {
            return [.. _scopes.Values.Where(s => s.DeviceId == deviceId).OrderBy(s => ulong.Parse(s.ScopeId, System.Globalization.CultureInfo.InvariantCulture))];
        }
    }

    /// <summary>Creates a backup lock for a module, live for <see cref="BackupLockLifetime"/>.</summary>
    /// <param name="userId">The user who holds the lock.</param>
    /// <param name="moduleCode">100, 101 or 102.</param>
    /// <returns>The lock; its <see cref="EmulatorBackupLock.LockId"/> is the <c>x-backup-lock-id</c> value.</returns>
    public EmulatorBackupLock CreateBackupLock(string userId, string moduleCode)
    {
        if (!ModuleCodes.IsValid(moduleCode))
        {
            throw new ArgumentException("The module code must be 100, 101 or 102.", nameof(moduleCode));
        }

        lock (_gate)
        {
            RequireUser(userId);
            var backupLock = new EmulatorBackupLock($"{Guid.NewGuid():D}@{moduleCode}", userId, moduleCode, _time.GetUtcNow() + BackupLockLifetime);
            _locks.Add(backupLock.LockId, backupLock);
            return backupLock;
        }
    }

    /// <summary>Releases a backup lock (as releaseBackupLock does); releasing an unknown lock does nothing.</summary>
    /// <param name="lockId">The lock ID.</param>
    public void ReleaseBackupLock(string lockId)
    {
        lock (_gate)
        {
            _locks.Remove(lockId);
        }
    }

    /// <summary>Whether the lock exists and has not expired.</summary>
    /// <param name="lockId">The lock ID.</param>
    /// <returns><see langword="true"/> while the lock is live.</returns>
    public bool IsBackupLockLive(string lockId)
    {
        lock (_gate)
        {
            return _locks.TryGetValue(lockId, out var backupLock) && _time.GetUtcNow() < backupLock.ExpiresAt;
        }
    }

    /// <summary>Creates a backup record for a bound device of the user.</summary>
    /// <param name="userId">The owner.</param>
    /// <param name="deviceId">The device that was backed up.</param>
    /// <param name="moduleCode">100, 101 or 102.</param>
    /// <returns>The record.</returns>
    public EmulatorBackupRecord CreateBackupRecord(string userId, string deviceId, string moduleCode)
    {
        if (!ModuleCodes.IsValid(moduleCode))
        {
            throw new ArgumentException("The module code must be 100, 101 or 102.", nameof(moduleCode));
        }

        lock (_gate)
        {
            RequireUser(userId);
            if (!_devices.TryGetValue(deviceId, out var device) || device.UserId != userId)
            {
                throw new ArgumentException("No device with this ID is bound to the user.", nameof(deviceId));
            }

            var record = new EmulatorBackupRecord(_ids.Next(), userId, deviceId, moduleCode, _time.GetUtcNow());
            _records.Add(record.RecordId, record);
            return record;
        }
    }

    /// <summary>Marks a backup record completed (status 1), as completeBackup does, without a lock.</summary>
    /// <param name="recordId">The record ID.</param>
    /// <returns>The updated record.</returns>
    public EmulatorBackupRecord CompleteBackupRecord(string recordId) => SetStatus(recordId, BackupRecordStatus.Completed);

    /// <summary>A backup record, or <see langword="null"/> once deleted.</summary>
    /// <param name="recordId">The record ID.</param>
    /// <returns>The record or <see langword="null"/>.</returns>
    public EmulatorBackupRecord? GetBackupRecord(string recordId)
    {
        lock (_gate)
        {
            return _records.GetValueOrDefault(recordId);
        }
    }

    /// <summary>Creates an album holding the given contents.</summary>
    /// <param name="userId">The owner.</param>
    /// <param name="name">Album name.</param>
    /// <param name="contentIds">Content (file) IDs to put in the album.</param>
    /// <param name="isManual">A manual album (type 2) by default; a collection album (type 1) otherwise.</param>
    /// <param name="albumId">A chosen ID (digits, unused), e.g. to replay a documented example; a new one when <see langword="null"/>.</param>
    /// <returns>The album.</returns>
    public EmulatorAlbum CreateAlbum(string userId, string name, IEnumerable<string> contentIds, bool isManual = true, string? albumId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(contentIds);
        RequireDigits(albumId, nameof(albumId));
        lock (_gate)
        {
            RequireUser(userId);
            if (albumId is not null && _albums.ContainsKey(albumId))
            {
                throw new ArgumentException("An album with this ID already exists.", nameof(albumId));
            }

            var entry = new AlbumEntry(albumId ?? _ids.Next(), userId, isManual) { Name = name };
            entry.Add(contentIds.Select(id => (id, (string?)userId)), _time.GetUtcNow());
            _albums.Add(entry.AlbumId, entry);
            return entry.Snapshot();
        }
    }

    /// <summary>An album with its current contents, or <see langword="null"/> if unknown.</summary>
    /// <param name="albumId">The album ID.</param>
    /// <returns>A snapshot or <see langword="null"/>.</returns>
    public EmulatorAlbum? GetAlbum(string albumId)
    {
        lock (_gate)
        {
            return _albums.GetValueOrDefault(albumId)?.Snapshot();
        }
    }

    /// <summary>The user's albums, oldest first.</summary>
    /// <param name="userId">The owner.</param>
    /// <returns>Snapshots.</returns>
    public IReadOnlyList<EmulatorAlbum> GetAlbums(string userId)
    {
        lock (_gate)
        {
            return [.. _albums.Values.Where(a => a.UserId == userId).OrderBy(a => IdOrder(a.AlbumId)).Select(a => a.Snapshot())];
        }
    }

    /// <summary>A backup configuration item, or <see langword="null"/> if the device has no such item.</summary>
    /// <param name="deviceId">The device.</param>
    /// <param name="moduleCode">100, 101 or 102.</param>
    /// <param name="configName">The item's name.</param>
    /// <returns>The item or <see langword="null"/>.</returns>
    public EmulatorConfig? GetConfig(string deviceId, string moduleCode, string configName)
    {
        lock (_gate)
        {
            return _configs.GetValueOrDefault((deviceId, moduleCode, configName));
        }
    }

    /// <summary>A backup lock (live or expired), or <see langword="null"/> once released.</summary>
    /// <param name="lockId">The lock ID.</param>
    /// <returns>The lock or <see langword="null"/>.</returns>
    public EmulatorBackupLock? GetBackupLock(string lockId)
    {
        lock (_gate)
        {
            return _locks.GetValueOrDefault(lockId);
        }
    }

    /// <summary>Marks a backup record "to be deleted" (status 2), a state no API operation produces.</summary>
    /// <param name="recordId">The record ID.</param>
    /// <returns>The updated record.</returns>
    public EmulatorBackupRecord MarkBackupRecordForDeletion(string recordId) => SetStatus(recordId, BackupRecordStatus.ToBeDeleted);

    private EmulatorBackupRecord SetStatus(string recordId, int status)
    {
        lock (_gate)
        {
            var record = _records.GetValueOrDefault(recordId) ?? throw new ArgumentException("No backup record with this ID.", nameof(recordId));
            return _records[recordId] = record with
            {
                Status = status,
                Version = record.Version + 1,
                EndTime = status == BackupRecordStatus.Completed ? _time.GetUtcNow() : record.EndTime,
            };
        }
    }

    // Every device has the same configuration items for each module, so that list, get and update have
    // something to act on (ERRATA D23).
    private void AddDefaultConfigs(string deviceId)
    {
        foreach (var moduleCode in new[] { ModuleCodes.FolderBackup, ModuleCodes.AlbumBackup, ModuleCodes.AddressBookBackup })
        {
            foreach (var (name, value, description) in DefaultConfigs)
            {
                _configs[(deviceId, moduleCode, name)] = new EmulatorConfig(deviceId, moduleCode, name, value, description);
            }
        }
    }

    private static ulong IdOrder(string id) => ulong.Parse(id, System.Globalization.CultureInfo.InvariantCulture);

    private void RequireUser(string userId)
    {
        if (userId is null || !_users.Contains(userId))
        {
            throw new ArgumentException("Unknown user; add it with AddUser first.", nameof(userId));
        }
    }

    private static void RequireDigits(string? id, string parameterName)
    {
        if (id is not null && (id.Length is 0 or > 19 || !id.All(char.IsAsciiDigit)))
        {
            throw new ArgumentException("An ID must be 1 to 19 decimal digits.", parameterName);
        }
    }

    private EmulatorScope CreateScope(string deviceId, string moduleCode, string localPath, string targetFolderPath, string? scopeId = null)
    {
        var scope = new EmulatorScope(scopeId ?? _ids.Next(), deviceId, moduleCode, localPath, targetFolderPath, _time.GetUtcNow());
        _scopes.Add(scope.ScopeId, scope);
        return scope;
    }

    // A local folder is backed up once per device and module; a scope without a local path is told
    // apart by its target folder.
    private static string ScopeKey(string localPath, string targetFolderPath) =>
        localPath.Length > 0 ? "L:" + localPath : "T:" + targetFolderPath;

    private sealed record TokenEntry(string UserId, DateTimeOffset LastUsed);

    /// <summary>An album as the state keeps it: mutable under the state lock, handed out as snapshots.</summary>
    private sealed class AlbumEntry(string albumId, string userId, bool isManual)
    {
        private long _sequence;

        public string AlbumId { get; } = albumId;

        public string UserId { get; } = userId;

        public bool IsManual { get; } = isManual;

        public string Name { get; set; } = string.Empty;

        public int Kind { get; set; } = 1;

        public string? GroupId { get; set; }

        public List<string> ScopeDir { get; set; } = [];

        public string? ScopeParentFolderId { get; set; }

        public string? ScopeKind { get; set; }

        /// <summary>The contents in the order they were added; <see cref="AlbumContentEntry.Sequence"/> is the paging key.</summary>
        public List<AlbumContentEntry> Contents { get; } = [];

        /// <summary>Adds the files not in the album yet, in order; a file already in it is ignored (ERRATA D24).</summary>
        public void Add(IEnumerable<(string FileId, string? OwnerId)> files, DateTimeOffset now)
        {
            foreach (var (fileId, ownerId) in files)
            {
                if (!Contents.Exists(c => c.FileId == fileId))
                {
                    Contents.Add(new AlbumContentEntry(++_sequence, fileId, ownerId ?? UserId, now));
                }
            }
        }

        public EmulatorAlbum Snapshot() => new(AlbumId, UserId, Name, IsManual, [.. Contents.Select(c => c.FileId)])
        {
            AlbumKind = Kind,
            GroupId = GroupId,
            ScopeDir = [.. ScopeDir],
            ScopeParentFolderId = ScopeParentFolderId,
            ScopeKind = ScopeKind,
        };
    }

    private sealed record AlbumContentEntry(long Sequence, string FileId, string OwnerId, DateTimeOffset AddTime);
}
