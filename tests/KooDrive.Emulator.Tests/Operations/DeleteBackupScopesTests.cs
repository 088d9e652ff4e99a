using System.Net;
using System.Text.Json.Nodes;
using KooDrive.Emulator.State;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Operations;

public class DeleteBackupScopesTests : EmulatorTest
{
    private const string SpecPath = "/koodrive/ose/v1/backup/device/{deviceId}/scope";
    private const string DocumentedDeviceId = "1842812272691451648";
    private const string DocumentedScopeId = "1842846715527366528";

    private string Path => $"koodrive/ose/v1/backup/device/{Harness.Seed.Device.DeviceId}/scope";

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task Replays_the_documented_example_exactly_with_IDs_sent_as_JSON_numbers(AuthMode mode)
    {
        ArrangeDocumentedState();

        // The page's request: strings and JSON numbers mixed, with the true 64-bit IDs (errata E2) as
        // numbers, so any detour through double would turn 1842846715527366528 into ...400.
        const string body = """{"scopeIdList":["123",123,345,1760265745989677312,1752777931588940032,1752990708303704321,1842846715527366528]}""";
        var response = await EmulatorHarness.SendAsync(Harness.Client(mode), HttpMethod.Delete, $"koodrive/ose/v1/backup/device/{DocumentedDeviceId}/scope", body);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var expected = SpecExamples.Response(SpecPath, HttpMethod.Delete);
        Assert.True(JsonNode.DeepEquals(expected, response.Json), $"Expected {expected.ToJsonString()}\nActual   {response.Text}");
        Assert.Empty(Harness.Emulator.State.GetScopes(DocumentedDeviceId));
    }

    [Fact]
    public async Task The_specs_corrected_request_example_gets_the_documented_response()
    {
        ArrangeDocumentedState();
        var body = SpecExamples.Request(SpecPath, HttpMethod.Delete).ToJsonString();

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.AppSignature), HttpMethod.Delete, $"koodrive/ose/v1/backup/device/{DocumentedDeviceId}/scope", body);

        Assert.True(JsonNode.DeepEquals(SpecExamples.Response(SpecPath, HttpMethod.Delete), response.Json), response.Text);
    }

    [Fact]
    public async Task Every_requested_ID_is_accounted_for_as_deleted_or_failed()
    {
        var device = Harness.Seed.Device.DeviceId;
        var mine = Harness.Seed.Scopes.Select(s => s.ScopeId).ToList();
        var otherDevice = Harness.Emulator.State.BindDevice(Harness.UserId, "m2");
        var otherScope = Harness.Emulator.State.AddScope(otherDevice.DeviceId, ModuleCodes.FolderBackup, "/x", null);
        string[] requested = [mine[0], "999", otherScope.ScopeId, mine[1], mine[0]];

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, Path, new JsonObject { ["scopeIdList"] = new JsonArray([.. requested.Select(id => (JsonNode)id)]) }.ToJsonString());

        Assert.Equal(0, response.Code);
        Assert.Equal(mine, response.Json["scopeIdList"]!.AsArray().Select(n => n!.GetValue<string>()));
        var failed = response.Json["failedScopeList"]!.AsArray().Select(f => (f!["scopeId"]!.GetValue<string>(), f["errorCode"]!.GetValue<string>())).ToList();
        Assert.Equal([(mine[0], "15000424"), ("999", "15000418"), (otherScope.ScopeId, "15000418")], failed);
        Assert.Equal(requested.Length, mine.Count + failed.Count);
        Assert.Empty(Harness.Emulator.State.GetScopes(device));
        Assert.Single(Harness.Emulator.State.GetScopes(otherDevice.DeviceId));
    }

    [Fact]
    public async Task Deleting_twice_reports_the_scope_as_missing_the_second_time()
    {
        var body = $$"""{"scopeIdList":["{{Harness.Seed.Scopes[0].ScopeId}}"]}""";
        var client = Harness.Client(AuthMode.Bearer);

        await EmulatorHarness.SendAsync(client, HttpMethod.Delete, Path, body);
        var second = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, Path, body);

        Assert.Empty(second.Json["scopeIdList"]!.AsArray());
        Assert.Equal("15000418", second.Json["failedScopeList"]![0]!["errorCode"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"scopeIdList":[]}""", "scopeIdList must hold at least 1 items")]
    [InlineData("""{}""", "scopeIdList is required")]
    [InlineData("""{"scopeIdList":[null]}""", "scopeIdList[0] must not be null")]
    [InlineData("""{"scopeIdList":[{"id":"1"}]}""", "scopeIdList[0] must be a string")]
    [InlineData("""{"scopeIdList":[true]}""", "scopeIdList[0] must be a string")]
    [InlineData("""{"scopeIdList":"1"}""", "scopeIdList must be an array")]
    public async Task A_malformed_ID_list_is_refused_with_13000102(string body, string detail)
    {
        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, Path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(13000102, response.Code);
        Assert.Contains(detail, response.Msg, StringComparison.Ordinal);
        Assert.Equal(2, Harness.Emulator.State.GetScopes(Harness.Seed.Device.DeviceId).Count);
    }

    [Fact]
    public async Task More_IDs_than_the_spec_allows_are_refused()
    {
        var ids = new JsonArray([.. Enumerable.Range(0, SpecLimits.MaxItems("DeleteBackupScopesRequest", "scopeIdList") + 1).Select(i => (JsonNode)i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, Path, new JsonObject { ["scopeIdList"] = ids }.ToJsonString());

        Assert.Equal(13000102, response.Code);
    }

    [Fact]
    public async Task An_unknown_device_is_not_found()
    {
        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, $"koodrive/ose/v1/backup/device/{Harness.Emulator.State.NewId()}/scope", """{"scopeIdList":["1"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(13000309, response.Code);
    }

    private void ArrangeDocumentedState()
    {
        var state = Harness.Emulator.State;
        state.BindDevice(Harness.UserId, "20251217", "Magic-v5", "android", DocumentedDeviceId);
        state.AddScope(DocumentedDeviceId, ModuleCodes.AddressBookBackup, "/asdkhsdahjksd", "/ashdjkha", DocumentedScopeId);
    }
}
