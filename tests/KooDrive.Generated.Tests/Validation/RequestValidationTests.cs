using System.Net;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Validation;

/// <summary>
/// Every rule of the spec, broken once through the public client: each call must fail with an
/// ArgumentException naming the parameter and the rule, and nothing may reach the (stub) network.
/// </summary>
public class RequestValidationTests
{
    private const string DeviceId = "1842812272691451648";
    private const string LockId = "78e41c7e-db02-4d55-85b3-8153e4fefd2e@102";

    private static readonly int MaxScopes = SpecLimits.MaxItems("AddBackupScopesRequest", "scopeList");
    private static readonly int MaxScopeIds = SpecLimits.MaxItems("DeleteBackupScopesRequest", "scopeIdList");
    private static readonly int MaxContentIds = SpecLimits.MaxItems("DeleteAlbumContentsRequest", "ids");
    private static readonly int MaxPathLength = SpecLimits.MaxLength("ScopeBaseInfo", "localPath");

    [Theory]
    [InlineData("AddBackupScopes")]
    [InlineData("DeleteBackupScopes")]
    [InlineData("UnbindDevice")]
    public async Task An_empty_device_ID_is_refused(string operation)
    {
        await AssertRefusedBeforeSending(
            backup => operation switch
            {
                "AddBackupScopes" => backup.AddBackupScopesAsync(string.Empty, ValidAdd()),
                "DeleteBackupScopes" => backup.DeleteBackupScopesAsync(string.Empty, DeleteBackupScopesRequest.Create(1L)),
                _ => backup.UnbindDeviceAsync(string.Empty),
            },
            "deviceId",
            "minLength");
    }

    [Fact]
    public async Task An_empty_record_ID_is_refused() =>
        await AssertRefusedBeforeSending(backup => backup.DeleteBackupRecordAsync(string.Empty, LockId), "recordId", "minLength");

    [Fact]
    public async Task An_empty_album_ID_is_refused() =>
        await AssertRefusedBeforeSending(album => album.DeleteAlbumContentsAsync(string.Empty, Ids(1)), "albumId", "minLength");

    [Fact]
    public async Task An_empty_backup_lock_ID_is_refused() =>
        await AssertRefusedBeforeSending(backup => backup.DeleteBackupRecordAsync("1842862763295184641", string.Empty), "backupLockId", "minLength");

    [Theory]
    [InlineData("lock\r\nX-Injected: 1")]
    [InlineData("lock\n")]
    [InlineData("lock\u0000")]
    [InlineData("\u0001lock")]
    [InlineData("lock\u007f")]
    [InlineData("lock\tid")]
    public async Task A_backup_lock_ID_with_control_characters_is_refused(string lockId) =>
        await AssertRefusedBeforeSending(backup => backup.DeleteBackupRecordAsync("1842862763295184641", lockId), "backupLockId", "pattern");

    // "." and ".." are removed by URI normalisation: DELETE .../backup/device/.. would become DELETE .../backup/.
    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    public async Task Path_IDs_that_would_address_another_resource_are_refused(string id)
    {
        await AssertRefusedBeforeSending(backup => backup.UnbindDeviceAsync(id), "deviceId", "pattern");
        await AssertRefusedBeforeSending(backup => backup.AddBackupScopesAsync(id, ValidAdd()), "deviceId", "pattern");
        await AssertRefusedBeforeSending(backup => backup.DeleteBackupRecordAsync(id, LockId), "recordId", "pattern");
        await AssertRefusedBeforeSending(album => album.DeleteAlbumContentsAsync(id, Ids(1)), "albumId", "pattern");
    }

    // Path IDs are checked as IDs (x-koodrive-id on the path parameters): anything but digits would be sent as an
    // escaped segment that names another resource or none.
    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData("\0")]
    [InlineData("a\r\nb")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("%2e%2e")]
    [InlineData("\u8bbe\u5907")]
    [InlineData("12a")]
    [InlineData("...")]
    [InlineData("id-\U0001F600")]
    [InlineData("1760265745989677300VW5TYWZlSW50ZWdlcg==")]
    public async Task Path_IDs_that_are_not_digits_are_refused_before_sending(string id)
    {
        await AssertRefusedBeforeSending(backup => backup.UnbindDeviceAsync(id), "deviceId", "x-koodrive-id");
        await AssertRefusedBeforeSending(backup => backup.AddBackupScopesAsync(id, ValidAdd()), "deviceId", "x-koodrive-id");
        await AssertRefusedBeforeSending(backup => backup.DeleteBackupScopesAsync(id, DeleteBackupScopesRequest.Create(1L)), "deviceId", "x-koodrive-id");
        await AssertRefusedBeforeSending(backup => backup.DeleteBackupRecordAsync(id, LockId), "recordId", "x-koodrive-id");
        await AssertRefusedBeforeSending(album => album.DeleteAlbumContentsAsync(id, Ids(1)), "albumId", "x-koodrive-id");
    }

    [Theory]
    [InlineData(" 12")]
    [InlineData("12\n")]
    [InlineData("1\u00002")]
    public async Task Path_IDs_with_white_space_or_control_characters_are_refused_as_unprintable(string id) =>
        await AssertRefusedBeforeSending(backup => backup.UnbindDeviceAsync(id), "deviceId", "printable");

    [Fact]
    public async Task A_digit_path_ID_is_sent_as_is()
    {
        var handler = StubHandler.Answer(HttpStatusCode.OK, """{"code":0,"msg":"success"}""");

        await TestClients.Backup(handler).DeleteBackupRecordAsync("1842862763295184641", LockId);

        Assert.EndsWith("/backup/record/1842862763295184641", Assert.Single(handler.Requests).Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lock-\u00e9@102")]
    [InlineData("lock-\u76f8@102")]
    [InlineData(" lock@102")]
    [InlineData("lock@102 ")]
    public async Task A_backup_lock_ID_that_is_not_printable_ASCII_without_outer_spaces_is_refused(string lockId)
    {
        await AssertRefusedBeforeSending(backup => backup.DeleteBackupRecordAsync("123", lockId), "backupLockId", "pattern");
    }

    [Fact]
    public async Task A_backup_lock_ID_with_a_lone_surrogate_is_refused() =>
        await AssertRefusedBeforeSending(backup => backup.DeleteBackupRecordAsync("123", "lock\uD800@102"), "backupLockId", "utf16");

    [Fact]
    public async Task Null_path_IDs_and_bodies_are_refused_as_ArgumentNullException()
    {
        var handler = StubHandler.FailIfCalled();
        var backup = TestClients.Backup(handler);

        await Assert.ThrowsAsync<ArgumentNullException>(() => backup.UnbindDeviceAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => backup.DeleteBackupRecordAsync("1", null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => backup.AddBackupScopesAsync(DeviceId, null!));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_empty_scope_list_is_refused() =>
        await AssertRefusedBeforeSending(backup => backup.AddBackupScopesAsync(DeviceId, Scopes(0)), "request.ScopeList", "minItems");

    [Fact]
    public async Task More_scopes_than_the_spec_allows_are_refused() =>
        await AssertRefusedBeforeSending(backup => backup.AddBackupScopesAsync(DeviceId, Scopes(MaxScopes + 1)), "request.ScopeList", "maxItems");

    [Fact]
    public async Task A_null_scope_in_the_list_is_refused()
    {
        var request = Scopes(2);
        request.ScopeList.Add(null!);
        await AssertRefusedBeforeSending(backup => backup.AddBackupScopesAsync(DeviceId, request), "request.ScopeList[2]", "required");
    }

    [Fact]
    public async Task An_empty_scope_ID_list_is_refused() =>
        await AssertRefusedBeforeSending(backup => backup.DeleteBackupScopesAsync(DeviceId, new DeleteBackupScopesRequest()), "request.ScopeIdList", "minItems");

    [Fact]
    public async Task More_scope_IDs_than_the_spec_allows_are_refused() =>
        await AssertRefusedBeforeSending(
            backup => backup.DeleteBackupScopesAsync(DeviceId, DeleteBackupScopesRequest.Create(Enumerable.Range(1, MaxScopeIds + 1).Select(i => (long)i))),
            "request.ScopeIdList",
            "maxItems");

    [Theory]
    [InlineData("12a")]
    [InlineData("")]
    [InlineData(" 123")]
    [InlineData("1.5E3")]
    [InlineData("1760265745989677300VW5TYWZlSW50ZWdlcg==")]
    public async Task A_scope_ID_that_is_not_digits_is_refused(string id)
    {
        var request = DeleteBackupScopesRequest.Create(1L);
        request.ScopeIdList.Add(id);
        await AssertRefusedBeforeSending(backup => backup.DeleteBackupScopesAsync(DeviceId, request), "request.ScopeIdList[1]", "x-koodrive-id");
    }

    [Fact]
    public async Task An_empty_album_content_list_is_refused() =>
        await AssertRefusedBeforeSending(album => album.DeleteAlbumContentsAsync("1795607640592646273", Ids(0)), "request.Ids", "minItems");

    [Fact]
    public async Task More_album_content_IDs_than_the_spec_allows_are_refused() =>
        await AssertRefusedBeforeSending(album => album.DeleteAlbumContentsAsync("1795607640592646273", Ids(MaxContentIds + 1)), "request.Ids", "maxItems");

    [Fact]
    public async Task An_empty_album_content_ID_is_refused()
    {
        var request = Ids(3);
        request.Ids.Add(string.Empty);
        await AssertRefusedBeforeSending(album => album.DeleteAlbumContentsAsync("1795607640592646273", request), "request.Ids[3]", "minLength");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(99)]
    public async Task A_module_code_outside_100_to_102_is_refused(int value)
    {
        var request = ValidAdd();
        request.ModuleCode = (ModuleCode)value;
        await AssertRefusedBeforeSending(backup => backup.AddBackupScopesAsync(DeviceId, request), "request.ModuleCode", "enum");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData(null, "")]
    public async Task A_scope_with_both_paths_empty_is_refused(string? localPath, string? targetFolderPath)
    {
        var request = ValidAdd();
        request.ScopeList.Add(new ScopeBaseInfo { LocalPath = localPath, TargetFolderPath = targetFolderPath });
        await AssertRefusedBeforeSending(backup => backup.AddBackupScopesAsync(DeviceId, request), "request.ScopeList[1].LocalPath", "x-koodrive-not-both-empty");
    }

    [Theory]
    [InlineData("relative/path", "LocalPath")]
    [InlineData("/with\\backslash", "LocalPath")]
    [InlineData("\\windows", "LocalPath")]
    [InlineData("/ok\n\\", "LocalPath")]
    public async Task A_local_path_not_starting_with_a_slash_or_holding_a_backslash_is_refused(string path, string property)
    {
        var request = ValidAdd();
        request.ScopeList.Add(new ScopeBaseInfo { LocalPath = path, TargetFolderPath = "/target" });
        await AssertRefusedBeforeSending(backup => backup.AddBackupScopesAsync(DeviceId, request), $"request.ScopeList[1].{property}", "pattern");
    }

    [Fact]
    public async Task A_target_folder_not_starting_with_a_slash_is_refused()
    {
        var request = ValidAdd();
        request.ScopeList.Add(new ScopeBaseInfo { LocalPath = "/local", TargetFolderPath = "target" });
        await AssertRefusedBeforeSending(backup => backup.AddBackupScopesAsync(DeviceId, request), "request.ScopeList[1].TargetFolderPath", "pattern");
    }

    [Fact]
    public async Task A_path_longer_than_10000_characters_is_refused()
    {
        var request = ValidAdd();
        request.ScopeList.Add(new ScopeBaseInfo { LocalPath = "/" + new string('a', MaxPathLength) });
        await AssertRefusedBeforeSending(backup => backup.AddBackupScopesAsync(DeviceId, request), "request.ScopeList[1].LocalPath", "maxLength");
    }

    [Fact]
    public async Task Every_broken_rule_is_reported_and_the_first_is_the_parameter_name()
    {
        var handler = StubHandler.FailIfCalled();
        var request = new AddBackupScopesRequest { ModuleCode = (ModuleCode)9 };
        request.ScopeList.Add(new ScopeBaseInfo { LocalPath = "a\\b" });
        request.ScopeList.Add(new ScopeBaseInfo());

        var error = await Assert.ThrowsAsync<KooDriveValidationException>(() => TestClients.Backup(handler).AddBackupScopesAsync(DeviceId, request));

        Assert.Equal("request.ModuleCode", error.ParamName);
        Assert.Equal(
            ["request.ModuleCode enum", "request.ScopeList[0].LocalPath pattern", "request.ScopeList[1].LocalPath x-koodrive-not-both-empty"],
            error.Violations.Select(v => $"{v.Path} {v.Rule}"));
        Assert.Contains("request.ScopeList[0].LocalPath", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Requests_at_every_limit_are_sent()
    {
        var handler = StubHandler.Answer(HttpStatusCode.OK, """{"code":0,"msg":"success"}""");
        var backup = TestClients.Backup(handler);
        var album = TestClients.Album(handler);
        var scopes = Scopes(MaxScopes - 1);
        scopes.ScopeList.Add(new ScopeBaseInfo { LocalPath = "/" + new string('a', MaxPathLength - 1), TargetFolderPath = string.Empty });

        await backup.AddBackupScopesAsync(DeviceId, scopes);
        await backup.DeleteBackupScopesAsync(DeviceId, DeleteBackupScopesRequest.Create(Enumerable.Range(0, MaxScopeIds).Select(i => (long)i)));
        await backup.UnbindDeviceAsync("1");
        await backup.DeleteBackupRecordAsync("1", "a lock id with spaces @102 ~!");
        await album.DeleteAlbumContentsAsync("1", Ids(MaxContentIds));

        Assert.Equal(5, handler.Requests.Count);
        Assert.Contains("\"moduleCode\":\"102\"", handler.Requests[0].Body, StringComparison.Ordinal);
    }

    private static async Task AssertRefusedBeforeSending(Func<BackupClient, Task> call, string path, string rule)
    {
        var handler = StubHandler.FailIfCalled();
        var error = await Assert.ThrowsAsync<KooDriveValidationException>(() => call(TestClients.Backup(handler)));
        AssertNames(error, path, rule);
        Assert.Empty(handler.Requests);
    }

    private static async Task AssertRefusedBeforeSending(Func<AlbumClient, Task> call, string path, string rule)
    {
        var handler = StubHandler.FailIfCalled();
        var error = await Assert.ThrowsAsync<KooDriveValidationException>(() => call(TestClients.Album(handler)));
        AssertNames(error, path, rule);
        Assert.Empty(handler.Requests);
    }

    private static void AssertNames(KooDriveValidationException error, string path, string rule)
    {
        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Equal(path, error.ParamName);
        Assert.Contains(error.Violations, v => v.Path == path && v.Rule == rule);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    private static AddBackupScopesRequest ValidAdd()
    {
        var request = new AddBackupScopesRequest { ModuleCode = ModuleCode.AddressBookBackup };
        request.ScopeList.Add(new ScopeBaseInfo { LocalPath = "/asdkhsdahjksd", TargetFolderPath = "/ashdjkha" });
        return request;
    }

    private static AddBackupScopesRequest Scopes(int count)
    {
        var request = new AddBackupScopesRequest { ModuleCode = ModuleCode.AddressBookBackup };
        for (var i = 0; i < count; i++)
        {
            request.ScopeList.Add(new ScopeBaseInfo { LocalPath = $"/local/{i}", TargetFolderPath = i % 2 == 0 ? null : $"/cloud/{i}" });
        }

        return request;
    }

    private static DeleteAlbumContentsRequest Ids(int count)
    {
        var request = new DeleteAlbumContentsRequest();
        for (var i = 0; i < count; i++)
        {
            request.Ids.Add($"Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKx{i:D4}");
        }

        return request;
    }
}
