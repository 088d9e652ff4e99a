using KooDrive.Emulator.Spec;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Models;

[SpecSchema("BoundDeviceEntity")]
internal sealed record BoundDeviceEntityModel(
    string DeviceId,
    string MachineCode,
    string? DeviceName,
    [property: System.Text.Json.Serialization.JsonPropertyName("deviceOS")] string? DeviceOS,
    string CreateTime)
{
    public static BoundDeviceEntityModel From(EmulatorDevice device) =>
        new(device.DeviceId, device.MachineCode, device.DeviceName, device.DeviceOS, Timestamps.Format(device.CreateTime));
}

[SpecSchema("UnbindDeviceResponse")]
internal sealed record UnbindDeviceResponseModel(BoundDeviceEntityModel Data, int Code, string Msg);

[SpecSchema("BindDeviceRequest")]
internal sealed class BindDeviceRequestModel
{
    public string? MachineCode { get; set; }

    public string? DeviceName { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("deviceOS")]
    public string? DeviceOS { get; set; }
}

[SpecSchema("BindDeviceResponse")]
internal sealed record BindDeviceResponseModel(BoundDeviceEntityModel Data, int Code, string Msg);

[SpecSchema("ListDevicesResponse")]
internal sealed record ListDevicesResponseModel(IReadOnlyList<BoundDeviceEntityModel> Data, int Code, string Msg);
