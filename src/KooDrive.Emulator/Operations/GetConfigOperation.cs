using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Operations;

/// <summary>GET /koodrive/ose/v1/backup/device/{deviceId}/config?moduleCode=&amp;configName=: one configuration item; an unknown one is 13000309 (ERRATA D23).</summary>
internal sealed class GetConfigOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        var deviceId = request.Route("deviceId");
        var config = request.State.FindDevice(request.UserId, deviceId) is null
            ? null
            : request.State.GetConfig(deviceId, request.Query("moduleCode")!, request.Query("configName")!);
        return config is null
            ? ApiResult.NotFound()
            : ApiResult.Ok(new GetConfigResponseModel(ConfigInfoModel.From(config), ServiceCodes.Success, "success"));
    }
}
