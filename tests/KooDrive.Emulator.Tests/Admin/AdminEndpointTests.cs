using System.Net;
using System.Text.Json.Nodes;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Admin;

/// <summary>The /__emulator control surface, for tests that run the emulator out of process.</summary>
public class AdminEndpointTests : EmulatorTest
{
    private string UnbindPath => $"koodrive/ose/v1/backup/device/{Harness.Seed.Device.DeviceId}";

    [Fact]
    public async Task Faults_can_be_armed_listed_and_cleared_over_HTTP()
    {
        var admin = Harness.RawClient();

        var armed = await EmulatorHarness.SendAsync(admin, HttpMethod.Post, "__emulator/faults",
            """{"operation":"UnbindDevice","kind":"tooManyRequests","count":2,"retryAfterSeconds":3,"retryAfterFormat":"HttpDate"}""");
        var listed = await EmulatorHarness.SendAsync(admin, HttpMethod.Get, "__emulator/faults");
        var first = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, UnbindPath);

        Assert.Equal(HttpStatusCode.Created, armed.Status);
        var pending = Assert.Single(listed.Json.AsArray())!;
        Assert.Equal("UnbindDevice", pending["operation"]!.GetValue<string>());
        Assert.Equal("TooManyRequests", pending["kind"]!.GetValue<string>());
        Assert.Equal(2, pending["remaining"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.TooManyRequests, first.Status);
        Assert.Equal(DateTimeOffset.Parse("2025-11-03T07:05:03Z", System.Globalization.CultureInfo.InvariantCulture), first.Message.Headers.RetryAfter!.Date);

        var cleared = await EmulatorHarness.SendAsync(admin, HttpMethod.Delete, "__emulator/faults");
        var after = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, UnbindPath);

        Assert.Equal(HttpStatusCode.NoContent, cleared.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Theory]
    [InlineData("""{"kind":"Meltdown"}""", "kind must be one of")]
    [InlineData("""{"kind":"ServerError","statusCode":404}""", "statusCode")]
    [InlineData("""{"kind":"ServerError","operation":"FrobnicateQuuxWidgets"}""", "FrobnicateQuuxWidgets")]
    [InlineData("""{"kind":"Delay","count":0}""", "count")]
    [InlineData("""{"kind":""", "not valid")]
    public async Task A_bad_fault_request_is_refused_with_13000102(string body, string detail)
    {
        var response = await EmulatorHarness.SendAsync(Harness.RawClient(), HttpMethod.Post, "__emulator/faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(13000102, response.Code);
        Assert.Contains(detail, response.Msg, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Harness.Emulator.Faults.Pending);
    }

    [Fact]
    public async Task A_token_issued_over_HTTP_authenticates()
    {
        var issued = await EmulatorHarness.SendAsync(Harness.RawClient(), HttpMethod.Post, "__emulator/tokens");
        var token = issued.Json["accessToken"]!.GetValue<string>();

        var response = await EmulatorHarness.SendAsync(Harness.RawClient(), HttpMethod.Delete, UnbindPath, configure: r =>
        {
            Harness.AddBearerHeaders(r);
            r.Headers.Remove("Authorization");
            r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        });

        Assert.Equal(HttpStatusCode.Created, issued.Status);
        Assert.Equal(1200, issued.Json["expiresInSeconds"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Devices_locks_records_and_albums_can_be_arranged_over_HTTP_and_used_by_the_API()
    {
        var admin = Harness.RawClient();
        var api = Harness.Client(AuthMode.AppSignature);

        var device = (await EmulatorHarness.SendAsync(admin, HttpMethod.Post, "__emulator/devices", """{"machineCode":"m1","deviceName":"Pixel","deviceOS":"android"}""")).Json;
        var deviceId = device["deviceId"]!.GetValue<string>();
        var lockId = (await EmulatorHarness.SendAsync(admin, HttpMethod.Post, "__emulator/locks", """{"moduleCode":"101"}""")).Json["lockId"]!.GetValue<string>();
        var recordId = (await EmulatorHarness.SendAsync(admin, HttpMethod.Post, "__emulator/records", new JsonObject { ["deviceId"] = deviceId, ["moduleCode"] = "101" }.ToJsonString())).Json["recordId"]!.GetValue<string>();
        var album = (await EmulatorHarness.SendAsync(admin, HttpMethod.Post, "__emulator/albums", """{"name":"Trip","contentIds":["F1","F2"]}""")).Json;

        var deleteRecord = await EmulatorHarness.SendAsync(api, HttpMethod.Delete, $"koodrive/ose/v1/backup/record/{recordId}", configure: r => r.Headers.Add("x-backup-lock-id", lockId));
        var deleteContents = await EmulatorHarness.SendAsync(api, HttpMethod.Delete, $"koodrive/ose/v1/{album["albumId"]!.GetValue<string>()}/batchDelete", """{"ids":["F1"]}""");
        var unbind = await EmulatorHarness.SendAsync(api, HttpMethod.Delete, $"koodrive/ose/v1/backup/device/{deviceId}");

        Assert.Equal([0, 0, 0], new[] { deleteRecord.Code, deleteContents.Code, unbind.Code });
        Assert.Equal("Pixel", unbind.Json["data"]!["deviceName"]!.GetValue<string>());
        Assert.Equal(["F2"], Harness.Emulator.State.GetAlbum(album["albumId"]!.GetValue<string>())!.ContentIds);
    }

    [Fact]
    public async Task Arranging_data_for_an_unknown_device_is_refused()
    {
        var response = await EmulatorHarness.SendAsync(Harness.RawClient(), HttpMethod.Post, "__emulator/records", """{"deviceId":"1","moduleCode":"101"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(13000102, response.Code);
    }
}
