namespace KooDrive.Generated.Auth;

/// <summary>Names of the HTTP headers the KooDrive pipeline reads and writes.</summary>
internal static class KooDriveHeaderNames
{
    /// <summary><c>Authorization</c>: a Bearer token or an app signature.</summary>
    public const string Authorization = "Authorization";

    /// <summary><c>X-Date</c>: the signing time, UTC, <c>yyyyMMdd'T'HHmmss'Z'</c>.</summary>
    public const string Date = "X-Date";

    /// <summary><c>X-User-Id</c>: the KooDrive user the call acts for.</summary>
    public const string UserId = "X-User-Id";

    /// <summary><c>X-Traceid</c>: a 58-character trace ID, one per logical call.</summary>
    public const string TraceId = "X-Traceid";

    /// <summary><c>language</c>: the response language, sent only when configured.</summary>
    public const string Language = "language";

    /// <summary><c>x-backup-lock-id</c>: the backup lock a record operation runs under.</summary>
    public const string BackupLockId = "x-backup-lock-id";

    /// <summary><c>User-Agent</c>: the SDK's product token after the application's.</summary>
    public const string UserAgent = "User-Agent";
}
