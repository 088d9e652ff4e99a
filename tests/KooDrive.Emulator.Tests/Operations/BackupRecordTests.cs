using System.Net;
using System.Text.Json.Nodes;
using KooDrive.Emulator.State;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Operations;

/// <summary>CreateBackupRecord, GetBackupRecord, CompleteBackup and ListBackupRecords (ERRATA E22, E23, D21, D22).</summary>
public class BackupRecordTests : EmulatorTest
{
    private const string RecordsPath = "koodrive/ose/v1/backup/record";

    private string LockId => Harness.Seed.BackupLock.LockId;

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task A_record_created_under_the_modules_lock_is_new(AuthMode mode)
    {
        var response = await Send(HttpMethod.Post, RecordsPath, CreateBody(ModuleCodes.AddressBookBackup, """{"contacts":120}"""), LockId, mode);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var data = response.Json["data"]!;
        Assert.Matches("^[0-9]{19}$", data["recordId"]!.GetValue<string>());
        Assert.Equal((0, 1, """{"contacts":120}"""), (data["status"]!.GetValue<int>(), data["version"]!.GetValue<int>(), data["properties"]!.GetValue<string>()));
        Assert.Equal(Harness.Seed.Device.DeviceId, data["deviceInfo"]!["deviceId"]!.GetValue<string>());
        Assert.Null(data["endTime"]);
        Assert.NotNull(Harness.Emulator.State.GetBackupRecord(data["recordId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Creating_under_another_modules_lock_is_refused()
    {
        AssertRefusal(await Send(HttpMethod.Post, RecordsPath, CreateBody(ModuleCodes.FolderBackup), LockId), 15000430, "does not belong to the module");
    }

    [Fact]
    public async Task Creating_under_an_expired_lock_is_refused()
    {
        Harness.Clock.Advance(EmulatorState.BackupLockLifetime);

        AssertRefusal(await Send(HttpMethod.Post, RecordsPath, CreateBody(ModuleCodes.AddressBookBackup), LockId), 15000430, "does not exist or has expired");
    }

    [Fact]
    public async Task Creating_for_an_unknown_device_is_not_found()
    {
        var body = new JsonObject { ["moduleCode"] = "102", ["deviceId"] = Harness.Emulator.State.NewId() }.ToJsonString();

        AssertRefusal(await Send(HttpMethod.Post, RecordsPath, body, LockId), 13000309, "Resource not found.");
    }

    [Theory]
    [InlineData("""{"moduleCode":"102"}""", "deviceId is required")]
    [InlineData("""{"moduleCode":"102","deviceId":"1","properties":"{not json"}""", "properties must be JSON text")]
    public async Task A_create_body_that_breaks_the_rules_is_refused(string body, string detail)
    {
        AssertRefusal(await Send(HttpMethod.Post, RecordsPath, body, LockId), 13000102, detail);
    }

    [Fact]
    public async Task A_record_is_read_without_a_lock()
    {
        var response = await Send(HttpMethod.Get, $"{RecordsPath}/{Harness.Seed.BackupRecord.RecordId}");

        Assert.Equal(Harness.Seed.BackupRecord.RecordId, response.Json["data"]!["recordId"]!.GetValue<string>());
        Assert.Equal(ModuleCodes.AddressBookBackup, response.Json["data"]!["moduleCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_record_is_not_found()
    {
        AssertRefusal(await Send(HttpMethod.Get, $"{RecordsPath}/{Harness.Emulator.State.NewId()}"), 13000309, "Resource not found.");
    }

    [Fact]
    public async Task Completing_a_new_record_marks_it_completed_once()
    {
        var path = $"{RecordsPath}/{Harness.Seed.BackupRecord.RecordId}";
        Harness.Clock.Advance(TimeSpan.FromMinutes(2));

        var completed = await Send(HttpMethod.Patch, path, """{"properties":"{\"contacts\":7}"}""", LockId);
        var again = await Send(HttpMethod.Patch, path, "{}", LockId);

        Assert.Equal((0, "success"), (completed.Code, completed.Msg));
        var record = Harness.Emulator.State.GetBackupRecord(Harness.Seed.BackupRecord.RecordId)!;
        Assert.Equal((BackupRecordStatus.Completed, 2, """{"contacts":7}""", Harness.Clock.GetUtcNow()), (record.Status, record.Version, record.Properties, record.EndTime));
        AssertRefusal(again, 15000432, "not in the new state");
    }

    [Fact]
    public async Task A_record_to_be_deleted_cannot_be_completed()
    {
        Harness.Emulator.State.MarkBackupRecordForDeletion(Harness.Seed.BackupRecord.RecordId);

        AssertRefusal(await Send(HttpMethod.Patch, $"{RecordsPath}/{Harness.Seed.BackupRecord.RecordId}", "{}", LockId), 15000432, "not in the new state");
    }

    [Fact]
    public async Task Completing_under_another_modules_lock_is_refused()
    {
        var otherModule = Harness.Emulator.State.CreateBackupLock(Harness.UserId, ModuleCodes.FolderBackup);

        AssertRefusal(await Send(HttpMethod.Patch, $"{RecordsPath}/{Harness.Seed.BackupRecord.RecordId}", "{}", otherModule.LockId), 15000430, "does not belong to the module");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(null)]
    public async Task Listing_pages_through_the_stored_records_newest_first(int? size)
    {
        // A page size that leaves a short last page, and one that ends on a full page (then an empty one).
        var stored = Harness.Seed.FolderBackupRecords.Count;
        var pageSize = size ?? stored;
        var pages = new List<JsonArray>();
        string? cursor = null;
        do
        {
            var query = $"{RecordsPath}?moduleCode=100&pageSize={pageSize}" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = await Send(HttpMethod.Get, query);
            pages.Add(page.Json["data"]!.AsArray());
            cursor = page.Json["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null && pages.Count < 10);

        Assert.Equal(SpecLimits.CursorPages(stored, pageSize), pages.Select(p => p.Count));
        Assert.Equal(
            Harness.Seed.FolderBackupRecords.Select(r => r.RecordId).Reverse(),
            pages.SelectMany(p => p).Select(r => r!["recordId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Listing_by_device_shows_only_that_devices_records()
    {
        var other = Harness.Emulator.State.BindDevice(Harness.UserId, "other");
        var record = Harness.Emulator.State.CreateBackupRecord(Harness.UserId, other.DeviceId, ModuleCodes.FolderBackup);

        var response = await Send(HttpMethod.Get, $"{RecordsPath}?moduleCode=100&pageSize=100&deviceId={other.DeviceId}");

        Assert.Equal([record.RecordId], response.Json["data"]!.AsArray().Select(r => r!["recordId"]!.GetValue<string>()));
        Assert.Null(response.Json["nextCursor"]);
    }

    [Theory]
    [InlineData("?moduleCode=100", "The pageSize query parameter is required")]
    [InlineData("?moduleCode=100&pageSize=ten", "The pageSize query parameter must be an integer")]
    [InlineData("?moduleCode=100&pageSize=10&cursor=abc", "cursor is not a cursor this service returned")]
    public async Task Listing_refuses_parameters_outside_the_spec(string query, string detail)
    {
        AssertRefusal(await Send(HttpMethod.Get, RecordsPath + query), 13000102, detail);
    }

    [Fact]
    public async Task Listing_refuses_page_sizes_and_cursors_outside_the_specs_limits()
    {
        const string operation = "ListBackupRecords";
        var (min, max, cursorMax) = (SpecLimits.Minimum(operation, "pageSize"), SpecLimits.Maximum(operation, "pageSize"), SpecLimits.ParameterMaxLength(operation, "cursor"));

        AssertRefusal(await Send(HttpMethod.Get, $"{RecordsPath}?moduleCode=100&pageSize={min - 1}"), 13000102, $"The pageSize query parameter must be at least {min}");
        AssertRefusal(await Send(HttpMethod.Get, $"{RecordsPath}?moduleCode=100&pageSize={max + 1}"), 13000102, $"The pageSize query parameter must be at most {max}");
        AssertRefusal(await Send(HttpMethod.Get, $"{RecordsPath}?moduleCode=100&pageSize={max}&cursor={new string('1', cursorMax + 1)}"), 13000102, $"must be at most {cursorMax} characters");
        Assert.Equal(0, (await Send(HttpMethod.Get, $"{RecordsPath}?moduleCode=100&pageSize={max}")).Code);
    }

    private string CreateBody(string moduleCode, string? properties = null) =>
        new JsonObject { ["moduleCode"] = moduleCode, ["deviceId"] = Harness.Seed.Device.DeviceId, ["properties"] = properties }.ToJsonString();
}
