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

    internal RecordDeletion DeleteBackupRecord(string userId, string recordId, string lockId)
    {
        lock (_gate)
        {
            // The lock is the precondition of every write to a module's records, so it is checked first.
            if (!_locks.TryGetValue(lockId, out var backupLock) || backupLock.UserId != userId)
            {
                return RecordDeletion.LockNotLive;
            }

            if (_time.GetUtcNow() >= backupLock.ExpiresAt)
            {
                _locks.Remove(lockId);
                return RecordDeletion.LockNotLive;
            }

            if (!_records.TryGetValue(recordId, out var record) || record.UserId != userId)
            {
                return RecordDeletion.RecordNotFound;
            }

            if (record.ModuleCode != backupLock.ModuleCode)
            {
                return RecordDeletion.LockOfOtherModule;
            }

            _records.Remove(recordId);
            return RecordDeletion.Deleted;
        }
    }

    internal ContentRemoval RemoveAlbumContents(string userId, string albumId, IReadOnlyList<string> contentIds)
    {
        lock (_gate)
        {
            if (!_albums.TryGetValue(albumId, out var album) || album.UserId != userId)
            {
                return ContentRemoval.AlbumNotFound;
            }

            if (!album.IsManual)
            {
                return ContentRemoval.NotManual;
            }

            // IDs that are not in the album are ignored: the documented response has no per-item report.
            var remove = contentIds.ToHashSet(StringComparer.Ordinal);
            album.Contents.RemoveAll(remove.Contains);
            return ContentRemoval.Removed;
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

internal enum RecordDeletion
{
    Deleted,
    RecordNotFound,
    LockNotLive,
    LockOfOtherModule,
}

internal enum ContentRemoval
{
    Removed,
    AlbumNotFound,
    NotManual,
}

internal sealed record ScopeRequest(string LocalPath, string TargetFolderPath);

internal sealed record ScopeFailure(ScopeRequest Scope, string ErrorCode, string Msg);

internal sealed record AddScopesOutcome(IReadOnlyList<EmulatorScope> Added, IReadOnlyList<ScopeFailure> Failed);

internal sealed record ScopeDeleteFailure(string ScopeId, string ErrorCode, string Msg);

internal sealed record DeleteScopesOutcome(IReadOnlyList<string> Deleted, IReadOnlyList<ScopeDeleteFailure> Failed);
