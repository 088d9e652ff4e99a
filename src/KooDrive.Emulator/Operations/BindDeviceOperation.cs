using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Operations;

/// <summary>POST /koodrive/ose/v1/backup/device: binds a device, or answers the device already bound with that machine code (ERRATA D19).</summary>
internal sealed class BindDeviceOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        if (!request.TryReadValidJson<BindDeviceRequestModel>(out var body, out var error))
        {
            return error;
        }

        var device = request.State.BindDeviceOnce(request.UserId, body.MachineCode!, body.DeviceName, body.DeviceOS);
        return ApiResult.Ok(new BindDeviceResponseModel(BoundDeviceEntityModel.From(device), ServiceCodes.Success, "success"));
    }
}
