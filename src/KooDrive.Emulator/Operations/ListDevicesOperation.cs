using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Operations;

/// <summary>GET /koodrive/ose/v1/backup/device: the user's bound devices, oldest first, unpaged.</summary>
internal sealed class ListDevicesOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request) =>
        ApiResult.Ok(new ListDevicesResponseModel([.. request.State.ListDevices(request.UserId).Select(BoundDeviceEntityModel.From)], ServiceCodes.Success, "success"));
}
