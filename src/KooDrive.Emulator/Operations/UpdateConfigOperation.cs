using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>
/// PATCH /koodrive/ose/v1/backup/device/{deviceId}/config: compare-and-set. The item takes
/// <c>newConfigValue</c> only while it still has <c>currentConfigValue</c>; otherwise 15000431 (ERRATA D23).
/// </summary>
internal sealed class UpdateConfigOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        if (!request.TryReadValidJson<UpdateConfigRequestModel>(out var body, out var error))
        {
            return error;
        }

        var (outcome, config) = request.State.UpdateConfig(
            request.UserId, request.Route("deviceId"), body.ModuleCode!, body.ConfigName!, body.CurrentConfigValue!, body.NewConfigValue!);
        return outcome switch
        {
            ConfigUpdate.Updated => ApiResult.Ok(new UpdateConfigResponseModel(
                new SimpleConfigInfoModel(config!.DeviceId, config.ModuleCode, config.ConfigName, config.ConfigValue), ServiceCodes.Success, "success")),
            ConfigUpdate.Conflict => ApiResult.Error(StatusCodes.Status400BadRequest, ServiceCodes.ConfigValueConflict, ServiceCodes.ConfigValueConflictMessage),
            _ => ApiResult.NotFound(),
        };
    }
}
