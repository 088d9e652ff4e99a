using System.Net;
using KooDrive.Emulator.State;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Operations;

/// <summary>BindDevice, ListDevices and ListBackupScopes (ERRATA E19, E31, D19).</summary>
public class DeviceOperationsTests : EmulatorTest
{
    private const string DevicesPath = "koodrive/ose/v1/backup/device";

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task A_bound_device_is_answered_and_listed_after_the_seeded_one(AuthMode mode)
    {
        var bound = await Send(HttpMethod.Post, DevicesPath, """{"machineCode":"m_20251217","deviceName":"Magic-v5 pro","deviceOS":"android"}""", mode: mode);
        var listed = await Send(HttpMethod.Get, DevicesPath, mode: mode);

        Assert.Equal(HttpStatusCode.OK, bound.Status);
        var deviceId = bound.Json["data"]!["deviceId"]!.GetValue<string>();
        Assert.Matches("^[0-9]{19}$", deviceId);
        Assert.Equal(("m_20251217", "Magic-v5 pro", "android"), (bound.Json["data"]!["machineCode"]!.GetValue<string>(), bound.Json["data"]!["deviceName"]!.GetValue<string>(), bound.Json["data"]!["deviceOS"]!.GetValue<string>()));
        Assert.Equal([Harness.Seed.Device.DeviceId, deviceId], listed.Json["data"]!.AsArray().Select(d => d!["deviceId"]!.GetValue<string>()));
        Assert.Equal(0, listed.Code);
    }

    [Fact]
    public async Task Binding_a_machine_code_again_answers_the_device_bound_then()
    {
        var first = await Send(HttpMethod.Post, DevicesPath, """{"machineCode":"again"}""");
        var second = await Send(HttpMethod.Post, DevicesPath, """{"machineCode":"again","deviceName":"renamed"}""");

        Assert.Equal(first.Json["data"]!["deviceId"]!.GetValue<string>(), second.Json["data"]!["deviceId"]!.GetValue<string>());
        Assert.Null(second.Json["data"]!["deviceName"]);
        Assert.Equal(2, Harness.Emulator.State.GetDevices(Harness.UserId).Count);
    }

    [Theory]
    [InlineData("""{}""", "machineCode is required")]
    [InlineData("""{"machineCode":"has space"}""", "machineCode must match")]
    [InlineData("""{"machineCode":"m","deviceName":"bad!name"}""", "deviceName must match")]
    [InlineData("""{"machineCode":"m","deviceOS":"android-15"}""", "deviceOS must match")]
    [InlineData("""{"machineCode":["m"]}""", "machineCode must be a string")]
    public async Task A_body_that_breaks_the_spec_is_refused_with_13000102(string body, string detail)
    {
        AssertRefusal(await Send(HttpMethod.Post, DevicesPath, body), 13000102, detail);
        Assert.Single(Harness.Emulator.State.GetDevices(Harness.UserId));
    }

    [Fact]
    public async Task A_machine_code_longer_than_the_spec_allows_is_refused()
    {
        var max = SpecLimits.MaxLength("BindDeviceRequest", "machineCode");

        AssertRefusal(await Send(HttpMethod.Post, DevicesPath, $$"""{"machineCode":"{{new string('m', max + 1)}}"}"""), 13000102, $"machineCode must be at most {max} characters");
    }

    [Fact]
    public async Task Listing_scopes_answers_the_modules_scopes_at_the_top_level()
    {
        var response = await Send(HttpMethod.Get, $"{DevicesPath}/{Harness.Seed.Device.DeviceId}/scope?moduleCode={ModuleCodes.FolderBackup}");

        var scope = Assert.Single(response.Json["scopeList"]!.AsArray());
        Assert.Equal(Harness.Seed.Scopes[0].ScopeId, scope!["scopeId"]!.GetValue<string>());
        Assert.Equal(ModuleCodes.FolderBackup, scope["moduleCode"]!.GetValue<string>());
        Assert.Null(response.Json["data"]);
    }

    [Theory]
    [InlineData("", "The moduleCode query parameter is required")]
    [InlineData("?moduleCode=103", "The moduleCode query parameter must be one of 100, 101, 102")]
    [InlineData("?moduleCode=100&moduleCode=101", "The moduleCode query parameter must be given once")]
    public async Task Listing_scopes_needs_one_documented_module_code(string query, string detail)
    {
        AssertRefusal(await Send(HttpMethod.Get, $"{DevicesPath}/{Harness.Seed.Device.DeviceId}/scope{query}"), 13000102, detail);
    }

    [Fact]
    public async Task Listing_the_scopes_of_an_unknown_device_is_not_found()
    {
        AssertRefusal(await Send(HttpMethod.Get, $"{DevicesPath}/{Harness.Emulator.State.NewId()}/scope?moduleCode=100"), 13000309, "Resource not found.");
    }
}
