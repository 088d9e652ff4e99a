using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Operations;

/// <summary>DELETE /koodrive/ose/v1/backup/device/{deviceId}: unbinds the device, drops its scopes, and returns it in <c>data</c>.</summary>
internal sealed class UnbindDeviceOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        var device = request.State.UnbindDevice(request.UserId, request.Route("deviceId"));
        if (device is null)
        {
            return ApiResult.NotFound();
        }

        return ApiResult.Ok(new UnbindDeviceResponseModel(BoundDeviceEntityModel.From(device), ServiceCodes.Success, "success"));
    }
}
