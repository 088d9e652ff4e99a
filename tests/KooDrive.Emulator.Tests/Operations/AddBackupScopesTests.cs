using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using KooDrive.Emulator.State;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Operations;

public class AddBackupScopesTests : EmulatorTest
{
    private string Path => $"koodrive/ose/v1/backup/device/{Harness.Seed.Device.DeviceId}/scope";

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task Adds_the_scopes_and_answers_with_their_new_IDs(AuthMode mode)
    {
        const string body = """{"moduleCode":"102","scopeList":[{"localPath":"/asdkhsdahjksd","targetFolderPath":"/ashdjkha"},{"localPath":"/contacts","targetFolderPath":""}]}""";

        var response = await EmulatorHarness.SendAsync(Harness.Client(mode), HttpMethod.Post, Path, body);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Code);
        Assert.Equal("success", response.Msg);
        Assert.Empty(response.Json["failedScopeList"]!.AsArray());
        var added = response.Json["scopeList"]!.AsArray();
        Assert.Equal(["/asdkhsdahjksd", "/contacts"], added.Select(s => s!["localPath"]!.GetValue<string>()));
        Assert.Equal(["/ashdjkha", ""], added.Select(s => s!["targetFolderPath"]!.GetValue<string>()));
        Assert.All(added, s => Assert.Equal("102", s!["moduleCode"]!.GetValue<string>()));
        Assert.All(added, s => Assert.Equal("2025-11-03T07:05:00.000Z", s!["createTime"]!.GetValue<string>()));

        var stored = Harness.Emulator.State.GetScopes(Harness.Seed.Device.DeviceId).Where(s => s.ModuleCode == "102").ToList();
        Assert.Equal(added.Select(s => s!["scopeId"]!.GetValue<string>()), stored.Select(s => s.ScopeId));
        Assert.All(stored, s => AssertSnowflake(s.ScopeId));
    }

    [Fact]
    public async Task Reports_repeats_in_the_request_and_existing_scopes_per_item_and_adds_the_rest()
    {
        var existing = Harness.Seed.Scopes.Single(s => s.ModuleCode == ModuleCodes.FolderBackup);
        var body = new JsonObject
        {
            ["moduleCode"] = "100",
            ["scopeList"] = new JsonArray(
                Scope("/new/a", "/t/a"),
                Scope(existing.LocalPath, "/elsewhere"),
                Scope("/new/a", "/t/other"),
                Scope("", "/only/target"),
                Scope(null, "/only/target")),
        }.ToJsonString();

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Post, Path, body);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Code);
        Assert.Equal(["/new/a", ""], response.Json["scopeList"]!.AsArray().Select(s => s!["localPath"]!.GetValue<string>()));
        var failed = response.Json["failedScopeList"]!.AsArray()
            .Select(f => (f!["localPath"]!.GetValue<string>(), f["targetFolderPath"]!.GetValue<string>(), f["errorCode"]!.GetValue<string>(), f["msg"]!.GetValue<string>()));
        Assert.Equal(
            [
                ("/new/a", "/t/other", "15000425", "Request to repeatedly add localPath."),
                ("", "/only/target", "15000425", "Request to repeatedly add localPath."),
                (existing.LocalPath, "/elsewhere", "15000419", "The backup scope already exists."),
            ],
            failed);
        Assert.Equal(3, Harness.Emulator.State.GetScopes(Harness.Seed.Device.DeviceId).Count(s => s.ModuleCode == "100"));
    }

    [Fact]
    public async Task The_same_local_path_may_be_a_scope_of_another_module()
    {
        var existing = Harness.Seed.Scopes.Single(s => s.ModuleCode == ModuleCodes.FolderBackup);
        var body = $$"""{"moduleCode":"101","scopeList":[{"localPath":"{{existing.LocalPath}}"}]}""";

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Post, Path, body);

        Assert.Single(response.Json["scopeList"]!.AsArray());
        Assert.Empty(response.Json["failedScopeList"]!.AsArray());
    }

    [Fact]
    public async Task A_module_code_sent_as_a_JSON_number_is_read_as_its_digits()
    {
        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Post, Path, """{"moduleCode":102,"scopeList":[{"localPath":"/n"}]}""");

        Assert.Equal("102", response.Json["scopeList"]![0]!["moduleCode"]!.GetValue<string>());
    }

    public static TheoryData<string, string> InvalidBodies()
    {
        var tooMany = new JsonArray([.. Enumerable.Range(0, SpecLimits.MaxItems("AddBackupScopesRequest", "scopeList") + 1).Select(i => (JsonNode)Scope($"/p{i}", null))]);
        var maxPath = SpecLimits.MaxLength("ScopeBaseInfo", "localPath");
        return new()
        {
            { """{"moduleCode":"103","scopeList":[{"localPath":"/a"}]}""", "moduleCode" },
            { """{"moduleCode":"","scopeList":[{"localPath":"/a"}]}""", "moduleCode" },
            { """{"scopeList":[{"localPath":"/a"}]}""", "moduleCode" },
            { """{"ModuleCode":"102","scopeList":[{"localPath":"/a"}]}""", "moduleCode" },
            { """{"moduleCode":"102","scopeList":[]}""", "scopeList" },
            { """{"moduleCode":"102"}""", "scopeList" },
            { new JsonObject { ["moduleCode"] = "102", ["scopeList"] = tooMany }.ToJsonString(), "scopeList" },
            { """{"moduleCode":"102","scopeList":[null]}""", "null" },
            { """{"moduleCode":"102","scopeList":[{"localPath":"relative/path"}]}""", "scopeList[0].localPath must match" },
            { """{"moduleCode":"102","scopeList":[{"localPath":"/a\\b"}]}""", "scopeList[0].localPath must match" },
            { """{"moduleCode":"102","scopeList":[{"targetFolderPath":"C:/x"}]}""", "scopeList[0].targetFolderPath must match" },
            { new JsonObject { ["moduleCode"] = "102", ["scopeList"] = new JsonArray(Scope("/" + new string('a', maxPath), null)) }.ToJsonString(), maxPath.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { """{"moduleCode":"102","scopeList":[{"localPath":"","targetFolderPath":""}]}""", "both be empty" },
            { """{"moduleCode":"102","scopeList":[{}]}""", "both be empty" },
            { """{"moduleCode":"102","scopeList":{"localPath":"/a"}}""", "scopeList must be an array" },
            { """{"moduleCode":"102",""", "not valid" },
            { "", "missing" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task A_body_that_breaks_the_schema_is_refused_whole_with_13000102(string body, string detail)
    {
        var before = Harness.Emulator.State.GetScopes(Harness.Seed.Device.DeviceId).Count;

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Post, Path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(13000102, response.Code);
        Assert.StartsWith("Verify parameters failed.", response.Msg, StringComparison.Ordinal);
        Assert.Contains(detail, response.Msg, StringComparison.Ordinal);
        Assert.Equal(before, Harness.Emulator.State.GetScopes(Harness.Seed.Device.DeviceId).Count);
    }

    [Fact]
    public async Task A_path_of_exactly_10000_characters_is_accepted()
    {
        var path = "/" + new string('a', 9_999);
        var body = new JsonObject { ["moduleCode"] = "102", ["scopeList"] = new JsonArray(Scope(path, null)) }.ToJsonString();

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Post, Path, body);

        Assert.Equal(path, response.Json["scopeList"]![0]!["localPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_without_the_JSON_content_type_is_refused()
    {
        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Post, Path, """{"moduleCode":"102","scopeList":[{"localPath":"/a"}]}""",
            r => r.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain"));

        Assert.Equal(13000102, response.Code);
        Assert.Contains("Content-Type", response.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_that_is_not_bound_to_the_user_is_not_found()
    {
        Harness.Emulator.State.AddUser("1000000000000000002");
        var othersDevice = Harness.Emulator.State.BindDevice("1000000000000000002", "m1");
        const string body = """{"moduleCode":"102","scopeList":[{"localPath":"/a"}]}""";

        var unknown = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Post, $"koodrive/ose/v1/backup/device/{Harness.Emulator.State.NewId()}/scope", body);
        var others = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Post, $"koodrive/ose/v1/backup/device/{othersDevice.DeviceId}/scope", body);

        foreach (var response in new[] { unknown, others })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal(13000309, response.Code);
            Assert.Equal("Resource not found.", response.Msg);
        }

        Assert.Empty(Harness.Emulator.State.GetScopes(othersDevice.DeviceId));
    }

    internal static void AssertSnowflake(string id)
    {
        Assert.Equal(19, id.Length);
        Assert.True(BigInteger.Parse(id, CultureInfo.InvariantCulture) > BigInteger.Pow(2, 53));
    }

    private static JsonObject Scope(string? localPath, string? targetFolderPath)
    {
        var scope = new JsonObject();
        if (localPath is not null)
        {
            scope["localPath"] = localPath;
        }

        if (targetFolderPath is not null)
        {
            scope["targetFolderPath"] = targetFolderPath;
        }

        return scope;
    }
}
