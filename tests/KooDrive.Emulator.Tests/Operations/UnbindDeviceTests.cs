using System.Net;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Operations;

public class UnbindDeviceTests : EmulatorTest
{
    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task Unbinding_returns_the_device_in_data_and_removes_it_with_its_scopes(AuthMode mode)
    {
        var device = Harness.Emulator.State.BindDevice(Harness.UserId, "20250911", "Magic v3", "android");
        Harness.Emulator.State.AddScope(device.DeviceId, "100", "/a", "/b");

        var response = await EmulatorHarness.SendAsync(Harness.Client(mode), HttpMethod.Delete, $"koodrive/ose/v1/backup/device/{device.DeviceId}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Code);
        Assert.Equal("success", response.Msg);
        var data = response.Json["data"]!;
        Assert.Equal(device.DeviceId, data["deviceId"]!.GetValue<string>());
        Assert.Equal("20250911", data["machineCode"]!.GetValue<string>());
        Assert.Equal("Magic v3", data["deviceName"]!.GetValue<string>());
        Assert.Equal("android", data["deviceOS"]!.GetValue<string>());
        Assert.Equal("2025-11-03T07:05:00.000Z", data["createTime"]!.GetValue<string>());
        Assert.DoesNotContain(Harness.Emulator.State.GetDevices(Harness.UserId), d => d.DeviceId == device.DeviceId);
        Assert.Empty(Harness.Emulator.State.GetScopes(device.DeviceId));
    }

    [Fact]
    public async Task Unbinding_again_finds_no_device()
    {
        var path = $"koodrive/ose/v1/backup/device/{Harness.Seed.Device.DeviceId}";
        var client = Harness.Client(AuthMode.Bearer);

        await EmulatorHarness.SendAsync(client, HttpMethod.Delete, path);
        var again = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, path);

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(13000309, again.Code);
        Assert.Equal("Resource not found.", again.Msg);
    }

    [Fact]
    public async Task Another_users_device_is_not_found_and_stays_bound()
    {
        Harness.Emulator.State.AddUser("1000000000000000003");
        var device = Harness.Emulator.State.BindDevice("1000000000000000003", "m");

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, $"koodrive/ose/v1/backup/device/{device.DeviceId}");

        Assert.Equal(13000309, response.Code);
        Assert.Single(Harness.Emulator.State.GetDevices("1000000000000000003"));
    }

    [Fact]
    public async Task A_device_without_name_or_system_is_returned_without_them()
    {
        var device = Harness.Emulator.State.BindDevice(Harness.UserId, "m");

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, $"koodrive/ose/v1/backup/device/{device.DeviceId}");

        var data = response.Json["data"]!.AsObject();
        Assert.False(data.ContainsKey("deviceName"));
        Assert.False(data.ContainsKey("deviceOS"));
    }
}
