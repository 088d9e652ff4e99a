using System.Net;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Operations;

/// <summary>ListConfigs, GetConfig and the compare-and-set UpdateConfig (ERRATA E24, E25, D23).</summary>
public class ConfigTests : EmulatorTest
{
    private string DevicePath => $"koodrive/ose/v1/backup/device/{Harness.Seed.Device.DeviceId}";

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task A_device_lists_the_configuration_items_of_a_module(AuthMode mode)
    {
        var response = await Send(HttpMethod.Get, $"{DevicePath}/configs?moduleCode=101", mode: mode);

        var items = response.Json["data"]!.AsArray();
        Assert.Equal(["autoBackup", "chargingOnly", "wifiOnly"], items.Select(i => i!["configName"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal(("101", Harness.Seed.Device.DeviceId), (i!["moduleCode"]!.GetValue<string>(), i["deviceId"]!.GetValue<string>())));
    }

    [Fact]
    public async Task One_item_is_read_by_name()
    {
        var response = await Send(HttpMethod.Get, $"{DevicePath}/config?moduleCode=100&configName=wifiOnly");

        Assert.Equal(("wifiOnly", "true"), (response.Json["data"]!["configName"]!.GetValue<string>(), response.Json["data"]!["configValue"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("?moduleCode=100&configName=noSuchItem", 13000309, "Resource not found.")]
    [InlineData("?moduleCode=100&configName=bad-name", 13000102, "The configName query parameter must match")]
    [InlineData("?moduleCode=100", 13000102, "The configName query parameter is required")]
    public async Task An_unknown_or_malformed_item_is_refused(string query, int code, string detail)
    {
        AssertRefusal(await Send(HttpMethod.Get, $"{DevicePath}/config{query}"), code, detail);
    }

    [Fact]
    public async Task An_update_with_the_current_value_sets_the_new_one()
    {
        var response = await Send(HttpMethod.Patch, $"{DevicePath}/config", """{"moduleCode":"100","configName":"wifiOnly","currentConfigValue":"true","newConfigValue":"false"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("false", response.Json["data"]!["configValue"]!.GetValue<string>());
        Assert.Equal("false", Harness.Emulator.State.GetConfig(Harness.Seed.Device.DeviceId, "100", "wifiOnly")!.ConfigValue);
        Assert.Equal("true", Harness.Emulator.State.GetConfig(Harness.Seed.Device.DeviceId, "101", "wifiOnly")!.ConfigValue);
    }

    [Fact]
    public async Task An_update_with_a_stale_value_conflicts_and_changes_nothing()
    {
        var response = await Send(HttpMethod.Patch, $"{DevicePath}/config", """{"moduleCode":"100","configName":"chargingOnly","currentConfigValue":"true","newConfigValue":"false"}""");

        AssertRefusal(response, 15000431, "The current config value does not match.");
        Assert.Equal("false", Harness.Emulator.State.GetConfig(Harness.Seed.Device.DeviceId, "100", "chargingOnly")!.ConfigValue);
    }

    [Theory]
    [InlineData("""{"moduleCode":"100","configName":"wifiOnly","currentConfigValue":"true"}""", "newConfigValue is required")]
    [InlineData("""{"moduleCode":"100","configName":"wifiOnly","currentConfigValue":"true","newConfigValue":"no way"}""", "newConfigValue must match")]
    [InlineData("""{"moduleCode":"104","configName":"wifiOnly","currentConfigValue":"true","newConfigValue":"false"}""", "moduleCode must be one of 100, 101, 102")]
    public async Task An_update_body_that_breaks_the_spec_is_refused(string body, string detail)
    {
        AssertRefusal(await Send(HttpMethod.Patch, $"{DevicePath}/config", body), 13000102, detail);
    }

    [Fact]
    public async Task An_update_of_an_unknown_item_is_not_found()
    {
        AssertRefusal(
            await Send(HttpMethod.Patch, $"{DevicePath}/config", """{"moduleCode":"100","configName":"noSuchItem","currentConfigValue":"a","newConfigValue":"b"}"""),
            13000309,
            "Resource not found.");
    }
}
