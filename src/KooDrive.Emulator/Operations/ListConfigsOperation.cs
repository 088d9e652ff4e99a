using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Operations;

/// <summary>GET /koodrive/ose/v1/backup/device/{deviceId}/configs?moduleCode=: the device's configuration items of one module (ERRATA D23).</summary>
internal sealed class ListConfigsOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        var configs = request.State.ListConfigs(request.UserId, request.Route("deviceId"), request.Query("moduleCode")!);
        return configs is null
            ? ApiResult.NotFound()
            : ApiResult.Ok(new ListConfigsResponseModel([.. configs.Select(ConfigInfoModel.From)], ServiceCodes.Success, "success"));
    }
}
