using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Hands every generated DTO to <see cref="ModelConverter"/>, which reads what the spec asks for: ID properties
/// exactly (<c>x-koodrive-id</c>, from the generated <see cref="KooDriveModels"/>), and lists of objects that
/// tolerate a single object; lists of IDs are written by <see cref="IdListWriter"/>.
/// </summary>
/// <remarks>
/// A converter in <see cref="JsonSerializerSettings.Converters"/> would be asked about every string in every
/// payload; deciding per contract touches only what the spec marks, and leaves consumer types alone.
/// </remarks>
internal sealed class KooDriveContractResolver : DefaultContractResolver
{
    private readonly ModelConverter _modelConverter = new();

    private KooDriveContractResolver()
    {
    }

    public static KooDriveContractResolver Instance { get; } = new();

    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        if (KooDriveModels.IsModel(objectType))
        {
            contract.Converter = _modelConverter;
            foreach (var property in contract.Properties)
            {
                if (property.Converter is null && property.PropertyName is { } name && KooDriveModels.IdKindOf(objectType, name) == IdKind.List)
                {
                    property.Converter = IdListWriter.Instance;
                }
            }
        }

        return contract;
    }
}
