namespace KooDrive.Generated.Observability;

/// <summary>One operation of the KooDrive API: the generated client and method that call it, and its route.</summary>
/// <param name="Client">The generated client class, e.g. <c>BackupClient</c>.</param>
/// <param name="Name">The operation ID in the spec, which is the generated method name without <c>Async</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathTemplate">The path under the base address, parameters in braces, e.g. <c>koodrive/ose/v1/backup/device/{deviceId}</c>.</param>
internal sealed record KooDriveOperation(string Client, string Name, string Method, string PathTemplate)
{
    /// <summary>The span name: <c>Client.Name</c>, e.g. <c>BackupClient.DeleteBackupScopes</c>.</summary>
    public string DisplayName => Client + "." + Name;
}

/// <summary>
/// Recognises which KooDrive operation a request calls, from its method and path, so that spans and logs
/// are named by operation (low cardinality) rather than by URL (which carries IDs).
/// </summary>
/// <remarks>
/// The table mirrors the operations of <c>spec/openapi.yaml</c>; a test compares the two, so an operation
/// added to the spec fails the build's tests until it is listed here. The generated client's request hooks
/// are not used for this: they belong to other concerns, and a handler sees every request, including one
/// a consumer sends through the same <see cref="HttpClient"/> without the generated client.
/// </remarks>
internal static class KooDriveOperations
{
    public static IReadOnlyList<KooDriveOperation> All { get; } =
    [
        new("BackupClient", "AddBackupScopes", "POST", "koodrive/ose/v1/backup/device/{deviceId}/scope"),
        new("BackupClient", "DeleteBackupScopes", "DELETE", "koodrive/ose/v1/backup/device/{deviceId}/scope"),
        new("BackupClient", "UnbindDevice", "DELETE", "koodrive/ose/v1/backup/device/{deviceId}"),
        new("BackupClient", "DeleteBackupRecord", "DELETE", "koodrive/ose/v1/backup/record/{recordId}"),
        new("AlbumClient", "DeleteAlbumContents", "DELETE", "koodrive/ose/v1/{albumId}/batchDelete"),
        new("BackupClient", "BindDevice", "POST", "koodrive/ose/v1/backup/device"),
        new("BackupClient", "ListDevices", "GET", "koodrive/ose/v1/backup/device"),
        new("BackupClient", "ListBackupScopes", "GET", "koodrive/ose/v1/backup/device/{deviceId}/scope"),
        new("BackupClient", "ListConfigs", "GET", "koodrive/ose/v1/backup/device/{deviceId}/configs"),
        new("BackupClient", "GetConfig", "GET", "koodrive/ose/v1/backup/device/{deviceId}/config"),
        new("BackupClient", "UpdateConfig", "PATCH", "koodrive/ose/v1/backup/device/{deviceId}/config"),
        new("BackupClient", "CreateBackupLock", "POST", "koodrive/ose/v1/backup/lock"),
        new("BackupClient", "RenewBackupLock", "PATCH", "koodrive/ose/v1/backup/lock"),
        new("BackupClient", "ReleaseBackupLock", "DELETE", "koodrive/ose/v1/backup/lock"),
        new("BackupClient", "CreateBackupRecord", "POST", "koodrive/ose/v1/backup/record"),
        new("BackupClient", "ListBackupRecords", "GET", "koodrive/ose/v1/backup/record"),
        new("BackupClient", "GetBackupRecord", "GET", "koodrive/ose/v1/backup/record/{recordId}"),
        new("BackupClient", "CompleteBackup", "PATCH", "koodrive/ose/v1/backup/record/{recordId}"),
        new("AlbumClient", "CreateAlbum", "POST", "koodrive/ose/v1/album/create"),
        new("AlbumClient", "UpdateAlbum", "POST", "koodrive/ose/v1/{albumId}/update"),
        new("AlbumClient", "DeleteAlbum", "DELETE", "koodrive/ose/v1/album/{albumId}"),
        new("AlbumClient", "ListAlbums", "GET", "koodrive/ose/v1/album/list"),
        new("AlbumClient", "ListAlbumContents", "GET", "koodrive/ose/v1/album/{albumId}/list"),
        new("AlbumClient", "AddAlbumContents", "POST", "koodrive/ose/v1/album/{albumId}/add"),
    ];

    /// <summary>
    /// The operation whose template matches the end of <paramref name="requestUri"/>'s path (the base address
    /// may add a prefix, e.g. a gateway path); null when none does.
    /// </summary>
    public static KooDriveOperation? Find(HttpMethod method, Uri? requestUri)
    {
        if (requestUri is not { IsAbsoluteUri: true })
        {
            return null;
        }

        var segments = requestUri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        KooDriveOperation? best = null;
        foreach (var operation in All)
        {
            if (string.Equals(operation.Method, method.Method, StringComparison.OrdinalIgnoreCase)
                && EndsWith(segments, operation.PathTemplate)
                && (best is null || operation.PathTemplate.Length > best.PathTemplate.Length))
            {
                best = operation;
            }
        }

        return best;
    }

    private static bool EndsWith(string[] segments, string template)
    {
        var parts = template.Split('/');
        if (parts.Length > segments.Length)
        {
            return false;
        }

        var offset = segments.Length - parts.Length;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var isParameter = part.StartsWith('{') && part.EndsWith('}');
            if (!isParameter && !string.Equals(part, segments[offset + i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
