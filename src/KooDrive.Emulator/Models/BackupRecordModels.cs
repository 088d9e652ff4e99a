using KooDrive.Emulator.Spec;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Models;

[SpecSchema("CreateBackupLockRequest")]
internal sealed class CreateBackupLockRequestModel
{
    public string? ModuleCode { get; set; }
}

[SpecSchema("LockInfo")]
internal sealed record LockInfoModel(string LockId);

[SpecSchema("CreateBackupLockResponse")]
internal sealed record CreateBackupLockResponseModel(LockInfoModel Data, int Code, string Msg);

[SpecSchema("BackupRecord")]
internal sealed record BackupRecordModel(
    string RecordId,
    string ModuleCode,
    int Status,
    string? Properties,
    int Version,
    string CreateTime,
    string? EndTime,
    BoundDeviceEntityModel? DeviceInfo)
{
    public static BackupRecordModel From(EmulatorBackupRecord record, EmulatorDevice? device) => new(
        record.RecordId,
        record.ModuleCode,
        record.Status,
        record.Properties,
        record.Version,
        Timestamps.Format(record.CreateTime),
        record.EndTime is { } end ? Timestamps.Format(end) : null,
        device is null ? null : BoundDeviceEntityModel.From(device));
}

[SpecSchema("CreateBackupRecordRequest")]
internal sealed class CreateBackupRecordRequestModel
{
    public string? ModuleCode { get; set; }

    public string? DeviceId { get; set; }

    public string? Properties { get; set; }
}

[SpecSchema("CompleteBackupRequest")]
internal sealed class CompleteBackupRequestModel
{
    public string? Properties { get; set; }
}

[SpecSchema("BackupRecordResponse")]
internal sealed record BackupRecordResponseModel(BackupRecordModel Data, int Code, string Msg);

[SpecSchema("ListBackupRecordsResponse")]
internal sealed record ListBackupRecordsResponseModel(IReadOnlyList<BackupRecordModel> Data, string? NextCursor, int Code, string Msg);
