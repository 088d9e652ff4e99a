namespace KooDrive.Emulator.Api;

/// <summary>
/// The business codes the emulator answers with. The 13000xxx codes and their messages are the KooDrive
/// error-code page's; 15000418 and 15000424 are the delete-backup-scopes page's; the other 15000xxx codes
/// are the emulator's own choices for cases the docs leave open (docs/emulator.md, "Emulator decisions").
/// </summary>
internal static class ServiceCodes
{
    public const int Success = 0;

    /// <summary>"Bad Request" on the old error-code list; the status-code page says 400 means authentication failed.</summary>
    public const int AuthenticationFailed = 13000101;

    public const int ParameterInvalid = 13000102;

    public const int InnerFailure = 13000201;

    public const int ResourceNotFound = 13000309;

    public const string ScopeNotFound = "15000418";

    public const string ScopeRepeatedInDelete = "15000424";

    /// <summary>Emulator's choice: the local path already has a scope for this device and module.</summary>
    public const string ScopeAlreadyExists = "15000419";

    /// <summary>Emulator's choice, mirroring 15000424: the same local path twice in one add request.</summary>
    public const string ScopeRepeatedInAdd = "15000425";

    /// <summary>Emulator's choice: the backup lock is unknown, expired, another user's or another module's.</summary>
    public const int BackupLockInvalid = 15000430;

    /// <summary>Emulator's choice: the config item no longer has the value the compare-and-set expected.</summary>
    public const int ConfigValueConflict = 15000431;

    /// <summary>Emulator's choice: only a new backup record (status 0) can be completed.</summary>
    public const int BackupRecordNotNew = 15000432;

    /// <summary>Not a service code: the emulator itself cannot answer (no behaviour yet, or a behaviour bug).</summary>
    public const int EmulatorFailure = 19999999;

    public const string ParameterInvalidMessage = "Verify parameters failed.";

    public const string InnerFailureMessage = "Call internal server failed. Please try again later.";

    public const string ResourceNotFoundMessage = "Resource not found.";

    public const string ScopeNotFoundMessage = "The backup scope does not exist.";

    public const string ScopeRepeatedInDeleteMessage = "Request to repeatedly delete scopeId.";

    public const string ScopeAlreadyExistsMessage = "The backup scope already exists.";

    public const string ScopeRepeatedInAddMessage = "Request to repeatedly add localPath.";

    public const string LockNotLiveMessage = "The backup lock does not exist or has expired.";

    public const string LockOfOtherModuleMessage = "The backup lock does not belong to the module of the backup record.";

    public const string ConfigValueConflictMessage = "The current config value does not match.";

    public const string BackupRecordNotNewMessage = "The backup record is not in the new state.";
}
