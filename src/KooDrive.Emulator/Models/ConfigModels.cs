using KooDrive.Emulator.Spec;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Models;

[SpecSchema("ConfigInfo")]
internal sealed record ConfigInfoModel(string DeviceId, string ModuleCode, string ConfigName, string ConfigValue, string Description)
{
    public static ConfigInfoModel From(EmulatorConfig config) =>
        new(config.DeviceId, config.ModuleCode, config.ConfigName, config.ConfigValue, config.Description);
}

[SpecSchema("SimpleConfigInfo")]
internal sealed record SimpleConfigInfoModel(string DeviceId, string ModuleCode, string ConfigName, string ConfigValue);

[SpecSchema("ListConfigsResponse")]
internal sealed record ListConfigsResponseModel(IReadOnlyList<ConfigInfoModel> Data, int Code, string Msg);

[SpecSchema("GetConfigResponse")]
internal sealed record GetConfigResponseModel(ConfigInfoModel Data, int Code, string Msg);

[SpecSchema("UpdateConfigRequest")]
internal sealed class UpdateConfigRequestModel
{
    public string? ModuleCode { get; set; }

    public string? ConfigName { get; set; }

    public string? CurrentConfigValue { get; set; }

    public string? NewConfigValue { get; set; }
}

[SpecSchema("UpdateConfigResponse")]
internal sealed record UpdateConfigResponseModel(SimpleConfigInfoModel Data, int Code, string Msg);
