using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Operations;

/// <summary>DELETE /koodrive/ose/v1/backup/device/{deviceId}: unbinds the device, drops its scopes, and returns it in <c>data</c>.</summary>
internal static class UnbindDeviceOperation
{
    public static ApiOperation Definition { get; } = new(
        EmulatorOperations.UnbindDevice,
        HttpMethods.Delete,
        "/koodrive/ose/v1/backup/device/{deviceId}",
        null,
        typeof(UnbindDeviceResponseModel),
        [],
        Handle);

    private static ApiResult Handle(ApiRequest request)
    {
        var device = request.State.UnbindDevice(request.UserId, request.Route("deviceId"));
        if (device is null)
        {
            return ApiResult.NotFound();
        }

        var data = new BoundDeviceEntityModel(device.DeviceId, device.MachineCode, device.DeviceName, device.DeviceOS, Timestamps.Format(device.CreateTime));
        return ApiResult.Ok(new UnbindDeviceResponseModel(data, ServiceCodes.Success, "success"));
    }
}
