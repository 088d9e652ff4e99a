using System.Text.RegularExpressions;
using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>
/// DELETE /koodrive/ose/v1/backup/record/{recordId}. The <c>x-backup-lock-id</c> must name a live lock of
/// the user for the record's module.
/// </summary>
internal static partial class DeleteBackupRecordOperation
{
    public const string LockHeader = "x-backup-lock-id";

    public const string LockNotLiveMessage = "The backup lock does not exist or has expired.";

    public const string LockOfOtherModuleMessage = "The backup lock does not belong to the module of the backup record.";

    public static ApiOperation Definition { get; } = new(
        EmulatorOperations.DeleteBackupRecord,
        HttpMethods.Delete,
        "/koodrive/ose/v1/backup/record/{recordId}",
        null,
        typeof(KooDriveResultModel),
        [LockHeader],
        Handle);

    private static ApiResult Handle(ApiRequest request)
    {
        var lockId = request.Header(LockHeader);
        if (string.IsNullOrEmpty(lockId))
        {
            return ApiResult.InvalidParameter($"The {LockHeader} header is required.");
        }

        var format = LockIdPattern().Match(lockId);
        if (!format.Success || !ModuleCodes.IsValid(format.Groups["module"].Value))
        {
            return ApiResult.InvalidParameter($"{LockHeader} must be '<uuid>@<moduleCode>'.");
        }

        return request.State.DeleteBackupRecord(request.UserId, request.Route("recordId"), lockId) switch
        {
            RecordDeletion.Deleted => ApiResult.Ok(new KooDriveResultModel(ServiceCodes.Success, "success")),
            RecordDeletion.RecordNotFound => ApiResult.NotFound(),
            RecordDeletion.LockOfOtherModule => ApiResult.Error(StatusCodes.Status400BadRequest, ServiceCodes.BackupLockInvalid, LockOfOtherModuleMessage),
            _ => ApiResult.Error(StatusCodes.Status400BadRequest, ServiceCodes.BackupLockInvalid, LockNotLiveMessage),
        };
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}@(?<module>[0-9]{3})$", RegexOptions.CultureInvariant)]
    private static partial Regex LockIdPattern();
}
