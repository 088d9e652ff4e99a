using System.Collections.Concurrent;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Decides, per generated DTO and per property, what the spec asks for: ID properties read exactly
/// (<c>x-koodrive-id</c>, from the generated <see cref="KooDriveModels"/>), and lists of objects that tolerate
/// a single object.
/// </summary>
/// <remarks>
/// A converter in <see cref="JsonSerializerSettings.Converters"/> would be asked about every string in every
/// payload; deciding per contract touches only what the spec marks, and leaves consumer types alone.
/// </remarks>
internal sealed class KooDriveContractResolver : DefaultContractResolver
{
    private readonly ConcurrentDictionary<Type, bool> _containsIds = new();
    private readonly IdAwareObjectConverter _idConverter;

    private KooDriveContractResolver()
    {
        _idConverter = new IdAwareObjectConverter(this);
    }

    public static KooDriveContractResolver Instance { get; } = new();

    /// <summary>Whether the JSON property <paramref name="jsonName"/> of <paramref name="type"/> holds IDs.</summary>
    public static IdKind GetIdKind(Type type, string jsonName) => KooDriveModels.IdKindOf(type, jsonName);

    /// <summary>Whether a value of <paramref name="type"/> contains ID properties at any depth.</summary>
    public bool ContainsIds(Type type) => ContainsIds(type, []);

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
        if (KooDriveModels.IsModel(objectType) && HasIdProperties(objectType, contract))
        {
            contract.Converter = _idConverter;
        }

        return contract;
    }

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.Converter is null && property.PropertyType is { } type && ItemTypeOf(type) is { } item && KooDriveModels.IsModel(item))
        {
            property.Converter = SingleOrArrayConverter.Instance;
        }

        return property;
    }

    private bool ContainsIds(Type type, HashSet<Type> visiting)
    {
        if (_containsIds.TryGetValue(type, out var known))
        {
            return known;
        }

        if (ItemTypeOf(type) is { } item)
        {
            return ContainsIds(item, visiting);
        }

        if (!KooDriveModels.IsModel(type) || !visiting.Add(type))
        {
            return false;
        }

        var result = HasIdProperties(type, (JsonObjectContract)ResolveContract(type))
            || type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null)
                .Any(p => ContainsIds(p.PropertyType, visiting));
        visiting.Remove(type);
        _containsIds[type] = result;
        return result;
    }

    private static bool HasIdProperties(Type type, JsonObjectContract contract) =>
        contract.Properties.Any(p => p.PropertyName is { } name && KooDriveModels.IdKindOf(type, name) != IdKind.None);
}
