using KooDrive.Emulator.Spec;

namespace KooDrive.Emulator.Models;

[SpecSchema("BoundDeviceEntity")]
internal sealed record BoundDeviceEntityModel(
    string DeviceId,
    string MachineCode,
    string? DeviceName,
    [property: System.Text.Json.Serialization.JsonPropertyName("deviceOS")] string? DeviceOS,
    string CreateTime);

[SpecSchema("UnbindDeviceResponse")]
internal sealed record UnbindDeviceResponseModel(BoundDeviceEntityModel Data, int Code, string Msg);
