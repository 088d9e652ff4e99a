using System.Text.RegularExpressions;
using KooDrive.Emulator.Api;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>
/// Reads the <c>x-backup-lock-id</c> header of the lock and record operations, and turns a lock check into
/// the answer the service gives (ERRATA D12).
/// </summary>
internal static partial class BackupLockHeader
{
    public const string Name = "x-backup-lock-id";

    /// <summary>The lock ID when it is shaped <c>&lt;uuid&gt;@&lt;moduleCode&gt;</c>; otherwise the 13000102 answer.</summary>
    public static bool TryRead(ApiRequest request, out string lockId, out ApiResult error)
    {
        lockId = request.Header(Name) ?? string.Empty;
        error = null!;
        var format = LockIdPattern().Match(lockId);
        if (!format.Success || !ModuleCodes.IsValid(format.Groups["module"].Value))
        {
            error = ApiResult.InvalidParameter($"{Name} must be '<uuid>@<moduleCode>'.");
            return false;
        }

        return true;
    }

    /// <summary>The answer to a write under a lock that did not happen (ERRATA D12, D21).</summary>
    public static ApiResult Refusal(LockedWrite outcome) => outcome switch
    {
        LockedWrite.RecordNotFound => ApiResult.NotFound(),
        LockedWrite.LockOfOtherModule => ApiResult.Error(StatusCodes.Status400BadRequest, ServiceCodes.BackupLockInvalid, ServiceCodes.LockOfOtherModuleMessage),
        LockedWrite.RecordNotNew => ApiResult.Error(StatusCodes.Status400BadRequest, ServiceCodes.BackupRecordNotNew, ServiceCodes.BackupRecordNotNewMessage),
        _ => ApiResult.Error(StatusCodes.Status400BadRequest, ServiceCodes.BackupLockInvalid, ServiceCodes.LockNotLiveMessage),
    };

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}@(?<module>[0-9]{3})$", RegexOptions.CultureInvariant)]
    private static partial Regex LockIdPattern();
}
