using System.Collections.Concurrent;
using System.Reflection;
using KooDrive.Generated.Spec;
using KooDrive.Generated.Validation;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Decides, per generated DTO and per property, what the spec asks for: ID properties read exactly
/// (<c>x-koodrive-id</c>), lists of objects that tolerate a single object, and request bodies validated
/// before they are written.
/// </summary>
/// <remarks>
/// A converter in <see cref="JsonSerializerSettings.Converters"/> would be asked about every string in every
/// payload; deciding per contract touches only what the spec marks, and leaves consumer types alone.
/// </remarks>
internal sealed class KooDriveContractResolver : DefaultContractResolver
{
    private static readonly Lazy<KooDriveContractResolver> Shared = new(() => new KooDriveContractResolver(EmbeddedSpec.Rules));

    private readonly ConcurrentDictionary<Type, bool> _containsIds = new();
    private readonly IdAwareObjectConverter _idConverter;

    public KooDriveContractResolver(SpecRules spec)
    {
        Spec = spec;
        _idConverter = new IdAwareObjectConverter(this);
    }

    public static KooDriveContractResolver Instance => Shared.Value;

    public SpecRules Spec { get; }

    /// <summary>The spec schema of a generated DTO type, or null for any other type.</summary>
    public SpecSchema? SchemaFor(Type type) =>
        type.IsClass && type.Assembly == typeof(KooDriveResult).Assembly && type.Namespace == typeof(KooDriveResult).Namespace
            ? Spec.FindSchema(type.Name)
            : null;

    /// <summary>Whether the JSON property <paramref name="jsonName"/> of <paramref name="type"/> holds IDs.</summary>
    public IdKind GetIdKind(Type type, string jsonName)
    {
        if (SchemaFor(type)?.Properties.GetValueOrDefault(jsonName) is not { } property)
        {
            return IdKind.None;
        }

        return property.IsId ? IdKind.Scalar : property.ItemsAreIds ? IdKind.List : IdKind.None;
    }

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
        if (SchemaFor(objectType) is not { } schema)
        {
            return contract;
        }

        if (schema.Properties.Values.Any(p => p.IsId || p.ItemsAreIds))
        {
            contract.Converter = _idConverter;
        }

        if (Spec.Operations.FirstOrDefault(o => o.RequestBodySchema == schema.Name) is { } operation)
        {
            // Runs before the first byte of the body is written, so an invalid request never reaches the wire.
            var root = operation.RequestBodyName ?? "request";
            contract.OnSerializingCallbacks.Add((value, _) => RequestBodyValidator.Validate(value, root, this));
        }

        return contract;
    }

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.Converter is null && property.PropertyType is { } type && ItemTypeOf(type) is { } item && SchemaFor(item) is not null)
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

        if (SchemaFor(type) is not { } schema || !visiting.Add(type))
        {
            return false;
        }

        var result = schema.Properties.Values.Any(p => p.IsId || p.ItemsAreIds)
            || type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null)
                .Any(p => ContainsIds(p.PropertyType, visiting));
        visiting.Remove(type);
        _containsIds[type] = result;
        return result;
    }
}
