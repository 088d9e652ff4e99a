using KooDrive.Emulator.Api;

namespace KooDrive.Emulator.State;

// The service-side operations the request handlers call: each is one atomic step under the state lock.
public sealed partial class EmulatorState
{
    internal TokenCheck UseToken(string token, out string userId)
    {
        lock (_gate)
        {
            userId = string.Empty;
            if (!_tokens.TryGetValue(token, out var entry))
            {
                return TokenCheck.Unknown;
            }

            var now = _time.GetUtcNow();
            if (now - entry.LastUsed > TokenIdleTimeout)
            {
                _tokens.Remove(token);
                return TokenCheck.Expired;
            }

            _tokens[token] = entry with { LastUsed = now };
            userId = entry.UserId;
            return TokenCheck.Valid;
        }
    }

    internal string? FindAppSecret(string appId)
    {
        lock (_gate)
        {
            return _appSecrets.GetValueOrDefault(appId);
        }
    }

    /// <summary>Adds scopes; <see langword="null"/> when the device is not bound to the user.</summary>
    internal AddScopesOutcome? AddScopes(string userId, string deviceId, string moduleCode, IReadOnlyList<ScopeRequest> items)
    {
        lock (_gate)
        {
            if (!IsUsersDevice(userId, deviceId))
            {
                return null;
            }

            // Repeats inside the request are reported first, then the distinct scopes are processed in
            // order: the same two passes the documented delete-scopes response shows.
            var failed = new List<ScopeFailure>();
            var distinct = new List<ScopeRequest>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (seen.Add(ScopeKey(item.LocalPath, item.TargetFolderPath)))
                {
                    distinct.Add(item);
                }
                else
                {
                    failed.Add(new ScopeFailure(item, ServiceCodes.ScopeRepeatedInAdd, ServiceCodes.ScopeRepeatedInAddMessage));
                }
            }

            var existing = _scopes.Values
                .Where(s => s.DeviceId == deviceId && s.ModuleCode == moduleCode)
                .Select(s => ScopeKey(s.LocalPath, s.TargetFolderPath))
                .ToHashSet(StringComparer.Ordinal);
            var added = new List<EmulatorScope>();
            foreach (var item in distinct)
            {
                if (existing.Contains(ScopeKey(item.LocalPath, item.TargetFolderPath)))
                {
                    failed.Add(new ScopeFailure(item, ServiceCodes.ScopeAlreadyExists, ServiceCodes.ScopeAlreadyExistsMessage));
                }
                else
                {
                    added.Add(CreateScope(deviceId, moduleCode, item.LocalPath, item.TargetFolderPath));
                }
            }

            return new AddScopesOutcome(added, failed);
        }
    }

    /// <summary>Deletes scopes of a device; <see langword="null"/> when the device is not bound to the user.</summary>
    internal DeleteScopesOutcome? DeleteScopes(string userId, string deviceId, IReadOnlyList<string> scopeIds)
    {
        lock (_gate)
        {
            if (!IsUsersDevice(userId, deviceId))
            {
                return null;
            }

            // Reproduces the documented example: each repeat of an ID yields one 15000424 entry, listed
            // before the per-ID outcomes; the first occurrence is then deleted or reported as 15000418.
            var failed = new List<ScopeDeleteFailure>();
            var distinct = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in scopeIds)
            {
                if (seen.Add(id))
                {
                    distinct.Add(id);
                }
                else
                {
                    failed.Add(new ScopeDeleteFailure(id, ServiceCodes.ScopeRepeatedInDelete, ServiceCodes.ScopeRepeatedInDeleteMessage));
                }
            }

            var deleted = new List<string>();
            foreach (var id in distinct)
            {
                if (_scopes.TryGetValue(id, out var scope) && scope.DeviceId == deviceId)
                {
                    _scopes.Remove(id);
                    deleted.Add(id);
                }
                else
                {
                    failed.Add(new ScopeDeleteFailure(id, ServiceCodes.ScopeNotFound, ServiceCodes.ScopeNotFoundMessage));
                }
            }

            return new DeleteScopesOutcome(deleted, failed);
        }
    }

    /// <summary>Unbinds a device and drops its scopes; <see langword="null"/> when it is not bound to the user.</summary>
    internal EmulatorDevice? UnbindDevice(string userId, string deviceId)
    {
        lock (_gate)
        {
            if (!IsUsersDevice(userId, deviceId))
            {
                return null;
            }

            var device = _devices[deviceId];
            _devices.Remove(deviceId);
            foreach (var scopeId in _scopes.Values.Where(s => s.DeviceId == deviceId).Select(s => s.ScopeId).ToList())
            {
                _scopes.Remove(scopeId);
            }

            return device;
        }
    }

    internal LockedWrite DeleteBackupRecord(string userId, string recordId, string lockId)
    {
        lock (_gate)
        {
            var check = CheckRecordWrite(userId, recordId, lockId, out _);
            if (check != LockedWrite.Done)
            {
                return check;
            }

            _records.Remove(recordId);
            return LockedWrite.Done;
        }
    }

    internal IReadOnlyList<EmulatorDevice> ListDevices(string userId) => GetDevices(userId);

    /// <summary>Binds a device; a machine code the user already bound answers that device (ERRATA D19).</summary>
    internal EmulatorDevice BindDeviceOnce(string userId, string machineCode, string? deviceName, string? deviceOS)
    {
        lock (_gate)
        {
            return _devices.Values.FirstOrDefault(d => d.UserId == userId && d.MachineCode == machineCode)
                ?? BindDevice(userId, machineCode, deviceName, deviceOS);
        }
    }

    /// <summary>The scopes of one module of a user's device, oldest first; <see langword="null"/> for an unknown device.</summary>
    internal IReadOnlyList<EmulatorScope>? ListScopes(string userId, string deviceId, string moduleCode)
    {
        lock (_gate)
        {
            return IsUsersDevice(userId, deviceId)
                ? [.. _scopes.Values.Where(s => s.DeviceId == deviceId && s.ModuleCode == moduleCode).OrderBy(s => IdOrder(s.ScopeId))]
                : null;
        }
    }

    /// <summary>Resets a live lock's expiry to <see cref="RenewedBackupLockLifetime"/> from now (ERRATA E21, D20).</summary>
    internal LockedWrite RenewBackupLock(string userId, string lockId)
    {
        lock (_gate)
        {
            var check = CheckLock(userId, lockId, moduleCode: null);
            if (check == LockedWrite.Done)
            {
                _locks[lockId] = _locks[lockId] with { ExpiresAt = _time.GetUtcNow() + RenewedBackupLockLifetime };
            }

            return check;
        }
    }

    internal LockedWrite ReleaseBackupLock(string userId, string lockId)
    {
        lock (_gate)
        {
            var check = CheckLock(userId, lockId, moduleCode: null);
            if (check == LockedWrite.Done)
            {
                _locks.Remove(lockId);
            }

            return check;
        }
    }

    internal (LockedWrite Outcome, EmulatorBackupRecord? Record) CreateBackupRecord(string userId, string lockId, string deviceId, string moduleCode, string? properties)
    {
        lock (_gate)
        {
            var check = CheckLock(userId, lockId, moduleCode);
            if (check != LockedWrite.Done)
            {
                return (check, null);
            }

            if (!IsUsersDevice(userId, deviceId))
            {
                return (LockedWrite.RecordNotFound, null);
            }

            var record = CreateBackupRecord(userId, deviceId, moduleCode) with { Properties = properties };
            _records[record.RecordId] = record;
            return (LockedWrite.Done, record);
        }
    }

    internal LockedWrite CompleteBackup(string userId, string recordId, string lockId, string? properties)
    {
        lock (_gate)
        {
            var check = CheckRecordWrite(userId, recordId, lockId, out var record);
            if (check != LockedWrite.Done)
            {
                return check;
            }

            if (record.Status != BackupRecordStatus.New)
            {
                return LockedWrite.RecordNotNew;
            }

            _records[recordId] = record with
            {
                Status = BackupRecordStatus.Completed,
                Properties = properties ?? record.Properties,
                Version = record.Version + 1,
                EndTime = _time.GetUtcNow(),
            };
            return LockedWrite.Done;
        }
    }

    internal EmulatorBackupRecord? FindBackupRecord(string userId, string recordId)
    {
        lock (_gate)
        {
            return _records.TryGetValue(recordId, out var record) && record.UserId == userId ? record : null;
        }
    }

    /// <summary>
    /// One page of the user's records of a module, newest first. The cursor is the last record ID of the
    /// previous page; a full page has a next cursor, so the last page may be empty (ERRATA D22).
    /// </summary>
    internal (IReadOnlyList<EmulatorBackupRecord> Page, string? NextCursor) ListBackupRecords(string userId, string moduleCode, string? deviceId, ulong? after, int pageSize)
    {
        lock (_gate)
        {
            var page = _records.Values
                .Where(r => r.UserId == userId && r.ModuleCode == moduleCode && (deviceId is null || r.DeviceId == deviceId))
                .Where(r => after is null || IdOrder(r.RecordId) < after)
                .OrderByDescending(r => IdOrder(r.RecordId))
                .Take(pageSize)
                .ToList();
            return (page, page.Count == pageSize ? page[^1].RecordId : null);
        }
    }

    internal EmulatorDevice? FindDevice(string userId, string deviceId)
    {
        lock (_gate)
        {
            return IsUsersDevice(userId, deviceId) ? _devices[deviceId] : null;
        }
    }

    /// <summary>The configuration items of one module of a user's device; <see langword="null"/> for an unknown device.</summary>
    internal IReadOnlyList<EmulatorConfig>? ListConfigs(string userId, string deviceId, string moduleCode)
    {
        lock (_gate)
        {
            return IsUsersDevice(userId, deviceId)
                ? [.. _configs.Values.Where(c => c.DeviceId == deviceId && c.ModuleCode == moduleCode)]
                : null;
        }
    }

    /// <summary>Compare-and-set of a configuration item (ERRATA D23).</summary>
    internal (ConfigUpdate Outcome, EmulatorConfig? Config) UpdateConfig(string userId, string deviceId, string moduleCode, string name, string expected, string value)
    {
        lock (_gate)
        {
            if (!IsUsersDevice(userId, deviceId) || !_configs.TryGetValue((deviceId, moduleCode, name), out var config))
            {
                return (ConfigUpdate.NotFound, null);
            }

            if (!string.Equals(config.ConfigValue, expected, StringComparison.Ordinal))
            {
                return (ConfigUpdate.Conflict, config);
            }

            return (ConfigUpdate.Updated, _configs[(deviceId, moduleCode, name)] = config with { ConfigValue = value });
        }
    }

    internal EmulatorAlbum CreateAlbum(string userId, AlbumDraft draft)
    {
        lock (_gate)
        {
            var entry = new AlbumEntry(_ids.Next(), userId, draft.IsManual)
            {
                Name = draft.Name ?? string.Empty,
                Kind = draft.Kind,
                GroupId = draft.GroupId,
                ScopeDir = [.. draft.ScopeDir ?? []],
                ScopeParentFolderId = draft.ScopeParentFolderId,
                ScopeKind = draft.ScopeKind,
            };
            _albums.Add(entry.AlbumId, entry);
            return entry.Snapshot();
        }
    }

    internal AlbumChange UpdateAlbum(string userId, string albumId, AlbumDraft change)
    {
        lock (_gate)
        {
            if (!_albums.TryGetValue(albumId, out var album) || album.UserId != userId)
            {
                return AlbumChange.AlbumNotFound;
            }

            var changesScope = change.ScopeDir is not null || change.ScopeParentFolderId is not null || change.ScopeKind is not null;
            if (album.IsManual && changesScope)
            {
                return AlbumChange.NotCollection;
            }

            album.Name = change.Name ?? album.Name;
            album.ScopeDir = change.ScopeDir is null ? album.ScopeDir : [.. change.ScopeDir];
            album.ScopeParentFolderId = change.ScopeParentFolderId ?? album.ScopeParentFolderId;
            album.ScopeKind = change.ScopeKind ?? album.ScopeKind;
            return AlbumChange.Done;
        }
    }

    internal bool DeleteAlbum(string userId, string albumId)
    {
        lock (_gate)
        {
            return _albums.TryGetValue(albumId, out var album) && album.UserId == userId && _albums.Remove(albumId);
        }
    }

    /// <summary>One numbered page of the user's albums of a kind and type, newest first, and their total (ERRATA D24).</summary>
    internal (IReadOnlyList<EmulatorAlbum> Page, int Total) ListAlbums(string userId, int kind, bool manual, string? groupId, int pageSize, int pageNum)
    {
        lock (_gate)
        {
            var albums = _albums.Values
                .Where(a => a.UserId == userId && a.Kind == kind && a.IsManual == manual && (groupId is null || a.GroupId == groupId))
                .OrderByDescending(a => IdOrder(a.AlbumId))
                .ToList();
            var skip = (long)(pageNum - 1) * pageSize;
            return ([.. albums.Skip((int)Math.Min(skip, int.MaxValue)).Take(pageSize).Select(a => a.Snapshot())], albums.Count);
        }
    }

    /// <summary>
    /// One page of an album's contents in the order they were added (ascending or descending), the next
    /// cursor (the last item's sequence number, on a full page) and the total; <see langword="null"/> for an
    /// unknown album (ERRATA D24).
    /// </summary>
    internal AlbumContentsPage? ListAlbumContents(string userId, string albumId, long? after, bool ascending, int pageSize)
    {
        lock (_gate)
        {
            if (!_albums.TryGetValue(albumId, out var album) || album.UserId != userId)
            {
                return null;
            }

            var ordered = ascending ? album.Contents.OrderBy(c => c.Sequence) : album.Contents.OrderByDescending(c => c.Sequence);
            var page = ordered
                .Where(c => after is null || (ascending ? c.Sequence > after : c.Sequence < after))
                .Take(pageSize)
                .ToList();
            return new AlbumContentsPage(
                [.. page.Select(c => new AlbumContentItem(c.FileId, c.OwnerId, album.IsManual ? null : c.AddTime))],
                page.Count == pageSize ? page[^1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                album.Contents.Count);
        }
    }

    internal ContentChange AddAlbumContents(string userId, string albumId, IReadOnlyList<(string FileId, string? OwnerId)> files)
    {
        lock (_gate)
        {
            if (!_albums.TryGetValue(albumId, out var album) || album.UserId != userId)
            {
                return ContentChange.AlbumNotFound;
            }

            if (!album.IsManual)
            {
                return ContentChange.NotManual;
            }

            album.Add(files, _time.GetUtcNow());
            return ContentChange.Done;
        }
    }

    // The lock is the precondition of every write to a module's records, so it is checked before the record.
    private LockedWrite CheckRecordWrite(string userId, string recordId, string lockId, out EmulatorBackupRecord record)
    {
        record = null!;
        var check = CheckLock(userId, lockId, moduleCode: null);
        if (check != LockedWrite.Done)
        {
            return check;
        }

        if (!_records.TryGetValue(recordId, out var found) || found.UserId != userId)
        {
            return LockedWrite.RecordNotFound;
        }

        record = found;
        return found.ModuleCode == _locks[lockId].ModuleCode ? LockedWrite.Done : LockedWrite.LockOfOtherModule;
    }

    /// <summary>
    /// Whether the lock is the user's, live, and (when <paramref name="moduleCode"/> is given) of that module.
    /// An expired lock is forgotten. <see cref="LockedWrite.Done"/> means usable.
    /// </summary>
    private LockedWrite CheckLock(string userId, string lockId, string? moduleCode)
    {
        if (!_locks.TryGetValue(lockId, out var backupLock) || backupLock.UserId != userId)
        {
            return LockedWrite.LockNotLive;
        }

        if (_time.GetUtcNow() >= backupLock.ExpiresAt)
        {
            _locks.Remove(lockId);
            return LockedWrite.LockNotLive;
        }

        return moduleCode is null || moduleCode == backupLock.ModuleCode ? LockedWrite.Done : LockedWrite.LockOfOtherModule;
    }

    internal ContentChange RemoveAlbumContents(string userId, string albumId, IReadOnlyList<string> contentIds)
    {
        lock (_gate)
        {
            if (!_albums.TryGetValue(albumId, out var album) || album.UserId != userId)
            {
                return ContentChange.AlbumNotFound;
            }

            if (!album.IsManual)
            {
                return ContentChange.NotManual;
            }

            // IDs that are not in the album are ignored: the documented response has no per-item report.
            var remove = contentIds.ToHashSet(StringComparer.Ordinal);
            album.Contents.RemoveAll(c => remove.Contains(c.FileId));
            return ContentChange.Done;
        }
    }

    private bool IsUsersDevice(string userId, string deviceId) =>
        _devices.TryGetValue(deviceId, out var device) && device.UserId == userId;
}

internal enum TokenCheck
{
    Valid,
    Unknown,
    Expired,
}

/// <summary>The outcome of a write under a backup lock.</summary>
internal enum LockedWrite
{
    Done,
    RecordNotFound,
    LockNotLive,
    LockOfOtherModule,
    RecordNotNew,
}

internal enum ConfigUpdate
{
    Updated,
    NotFound,
    Conflict,
}

internal enum AlbumChange
{
    Done,
    AlbumNotFound,
    NotCollection,
}

/// <summary>The fields of an album to create, or (non-null ones) to change.</summary>
internal sealed record AlbumDraft(bool IsManual, int Kind, string? Name, string? GroupId, IReadOnlyList<string>? ScopeDir, string? ScopeParentFolderId, string? ScopeKind);

internal sealed record AlbumContentItem(string FileId, string OwnerId, DateTimeOffset? TakeTime);

internal sealed record AlbumContentsPage(IReadOnlyList<AlbumContentItem> Items, string? NextCursor, int Total);

internal enum ContentChange
{
    Done,
    AlbumNotFound,
    NotManual,
}

internal sealed record ScopeRequest(string LocalPath, string TargetFolderPath);

internal sealed record ScopeFailure(ScopeRequest Scope, string ErrorCode, string Msg);

internal sealed record AddScopesOutcome(IReadOnlyList<EmulatorScope> Added, IReadOnlyList<ScopeFailure> Failed);

internal sealed record ScopeDeleteFailure(string ScopeId, string ErrorCode, string Msg);

internal sealed record DeleteScopesOutcome(IReadOnlyList<string> Deleted, IReadOnlyList<ScopeDeleteFailure> Failed);
