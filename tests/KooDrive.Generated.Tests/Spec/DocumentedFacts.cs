namespace KooDrive.Generated.Tests.Spec;

/// <summary>
/// The facts of the five KooDrive doc pages (../shared/docs), typed in by hand from the pages, so the
/// spec is held against the docs rather than against itself. A change here is a doc change.
/// </summary>
internal static class DocumentedFacts
{
    public const string ScopePath = "/koodrive/ose/v1/backup/device/{deviceId}/scope";
    public const string DevicePath = "/koodrive/ose/v1/backup/device/{deviceId}";
    public const string RecordPath = "/koodrive/ose/v1/backup/record/{recordId}";
    public const string AlbumBatchDeletePath = "/koodrive/ose/v1/{albumId}/batchDelete";

    public static readonly Operation[] Operations =
    [
        new("POST", ScopePath, "AddBackupScopes", "Backup", "batchAddBackupScope.html"),
        new("DELETE", ScopePath, "DeleteBackupScopes", "Backup", "batchDeleteBackupScope.html"),
        new("DELETE", RecordPath, "DeleteBackupRecord", "Backup", "deleteBackupRecord.html"),
        new("DELETE", AlbumBatchDeletePath, "DeleteAlbumContents", "Album", "BatchDeleteAlbumContent.html"),
        new("DELETE", DevicePath, "UnbindDevice", "Backup", "unbindDevice.html"),
    ];

    /// <summary>Path and header parameters, minus the security headers every page repeats.</summary>
    public static readonly Parameter[] Parameters =
    [
        new("AddBackupScopes", "deviceId", "path", Required: true),
        new("DeleteBackupScopes", "deviceId", "path", Required: true),
        new("UnbindDevice", "deviceId", "path", Required: true),
        new("DeleteBackupRecord", "recordId", "path", Required: true),
        new("DeleteBackupRecord", "x-backup-lock-id", "header", Required: true),
        new("DeleteAlbumContents", "albumId", "path", Required: true),
        new("DeleteAlbumContents", "X-Traceid", "header", Required: false, Length: 58),
        new("DeleteAlbumContents", "language", "header", Required: false),
    ];

    /// <summary>Request body fields: "operation", "field path" (dots into items), type, mandatory, limits.</summary>
    public static readonly Field[] RequestFields =
    [
        new("AddBackupScopes", "moduleCode", "string", Required: true, Enum: ["100", "101", "102"]),
        new("AddBackupScopes", "scopeList", "array", Required: true, MaxItems: 100),
        new("AddBackupScopes", "scopeList[].localPath", "string", Required: false, MaxLength: 10000, Pattern: @"^(?:$|/[^\\]*$)"),
        new("AddBackupScopes", "scopeList[].targetFolderPath", "string", Required: false, MaxLength: 10000, Pattern: @"^(?:$|/[^\\]*$)"),
        new("DeleteBackupScopes", "scopeIdList", "array", Required: true, MaxItems: 100),
        new("DeleteBackupScopes", "scopeIdList[]", "string", Required: false),
        new("DeleteAlbumContents", "ids", "array", Required: true, MaxItems: 1000),
        new("DeleteAlbumContents", "ids[]", "string", Required: false),
    ];

    /// <summary>Fields of each 200 response, as the response tables list them.</summary>
    public static readonly Field[] ResponseFields =
    [
        .. Envelope("AddBackupScopes"),
        new("AddBackupScopes", "scopeList", "array"),
        .. Strings("AddBackupScopes", "scopeList[]", "localPath", "targetFolderPath", "scopeId", "moduleCode", "createTime"),
        new("AddBackupScopes", "failedScopeList", "array"),
        .. Strings("AddBackupScopes", "failedScopeList[]", "localPath", "targetFolderPath", "errorCode", "msg"),
        .. Envelope("DeleteBackupScopes"),
        new("DeleteBackupScopes", "scopeIdList", "array"),
        new("DeleteBackupScopes", "scopeIdList[]", "string"),
        new("DeleteBackupScopes", "failedScopeList", "array"),
        .. Strings("DeleteBackupScopes", "failedScopeList[]", "scopeId", "errorCode", "msg"),
        .. Envelope("UnbindDevice"),
        new("UnbindDevice", "data", "object"),
        .. Strings("UnbindDevice", "data", "deviceId", "machineCode", "deviceName", "deviceOS", "createTime"),
        .. Envelope("DeleteBackupRecord"),
        .. Envelope("DeleteAlbumContents"),
    ];

    public static readonly string[] Servers =
    [
        "https://intl.myhuaweicloud-koodrive.com",
        "https://cn.myhuaweicloud-koodrive.com",
    ];

    private static Field[] Envelope(string op) =>
        [new(op, "code", "integer"), new(op, "msg", "string")];

    private static IEnumerable<Field> Strings(string op, string parent, params string[] names) =>
        names.Select(n => new Field(op, $"{parent}.{n}", "string"));

    public sealed record Operation(string Method, string Path, string OperationId, string Tag, string DocPage);

    public sealed record Parameter(string OperationId, string Name, string In, bool Required, int? Length = null);

    public sealed record Field(
        string OperationId,
        string Path,
        string Type,
        bool Required = false,
        int? MaxItems = null,
        int? MaxLength = null,
        string? Pattern = null,
        string[]? Enum = null);
}
