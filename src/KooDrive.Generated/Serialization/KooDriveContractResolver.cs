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
    private readonly ModelConverter _modelConverter;

    private KooDriveContractResolver()
    {
        _modelConverter = new ModelConverter(this);
    }

    public static KooDriveContractResolver Instance { get; } = new();

    /// <summary>The item type of a collection type, or null.</summary>
    public static Type? ItemTypeOf(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

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
