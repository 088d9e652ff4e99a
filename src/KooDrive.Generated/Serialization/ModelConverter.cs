using System.Collections;
using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Reads every spec model in one streaming pass, with the rules a plain Newtonsoft read does not keep: member
/// names match exactly (<c>ScopeIdList</c> is not <c>scopeIdList</c>), a declared member that appears twice is
/// refused (the server would have meant one of them, and nothing says which), IDs are read from the raw JSON text,
/// and string members take a number's characters as written.
/// </summary>
/// <remarks>
/// Attached to every generated model's contract by <see cref="KooDriveContractResolver"/>. Unknown members are
/// kept in <c>AdditionalProperties</c>; numbers there are read with <see cref="FloatParseHandling.Double"/>, so no
/// value's size or range fails a call.
/// </remarks>
internal sealed class ModelConverter(KooDriveContractResolver resolver) : JsonConverter
{
    private readonly ConcurrentDictionary<Type, ModelPlan> _plans = new();

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => KooDriveModels.IsModel(objectType);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        ReadModel(reader, PlanFor(objectType), objectType, existingValue, serializer);

    private ModelPlan PlanFor(Type type) =>
        _plans.GetOrAdd(type, static (type, r) => ModelPlan.For((JsonObjectContract)r.ResolveContract(type), r), resolver);

    private object? ReadModel(JsonReader reader, ModelPlan plan, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            throw IdReader.Error(reader, $"expected a JSON object for {objectType.Name}, found {IdReader.Describe(reader.TokenType)}", kind: "value");
        }

        var target = existingValue ?? plan.CreateInstance();

        // The members read so far, as bits: a stack buffer would keep the JIT from compiling this method quickly
        // at first (no tier-0 code for a method with both a loop and stackalloc), a cost every process pays once.
        var seen = new SeenMembers(plan.Members.Length);
        while (true)
        {
            if (!reader.Read())
            {
                throw IdReader.Error(reader, $"the JSON text ends inside {objectType.Name}", kind: "value");
            }

            if (reader.TokenType == JsonToken.EndObject)
            {
                break;
            }

            var name = (string)reader.Value!;
            if (plan.Find(name) is not { } member)
            {
                ReadUnknown(reader, plan, target, name);
                continue;
            }

            if (!seen.Add(member.Index))
            {
                throw IdReader.Error(reader, $"the member '{name}' appears twice in one {objectType.Name}; which value the service meant cannot be known", kind: "value");
            }

            var value = member.Kind switch
            {
                IdKind.Scalar => IdReader.ReadScalar(reader),
                IdKind.List => ReadIdList(reader),
                _ when member.Models is { } models => ReadModels(reader, models, member.Property.PropertyType!, serializer),
                _ when member.IsString => ReadString(reader),
                _ => ReadOther(reader, member, serializer),
            };

            if (value is null && member.Property.Required is Required.Always or Required.DisallowNull)
            {
                throw IdReader.Error(reader, $"the required member '{name}' of {objectType.Name} is null", kind: "value");
            }

            member.Property.ValueProvider!.SetValue(target, value);
        }

        // At the object's end the reader's path is the object's own: no path is built unless one is missing.
        foreach (var member in plan.RequiredMembers)
        {
            if (!seen.Contains(member.Index))
            {
                throw new JsonSerializationException(
                    string.Create(CultureInfo.InvariantCulture, $"Required property '{member.Property.PropertyName}' not found in JSON. Path '{reader.Path}'."));
            }
        }

        return target;
    }

    /// <summary>
    /// A list of models, read item by item in this same pass. The service may send a single object where the spec
    /// has a list (errata E1: the delete-scopes table documents <c>failedScopeList</c> as one object, the example as
    /// an array); it becomes a list of that one item.
    /// </summary>
    private IList? ReadModels(JsonReader reader, ModelList models, Type listType, JsonSerializer serializer)
    {
        if (!reader.Read())
        {
            throw IdReader.Error(reader, "the JSON text ends before the value", kind: "value");
        }

        var plan = models.ItemPlan ??= PlanFor(models.ItemType);
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.StartObject:
                var single = models.Create();
                single.Add(ReadModel(reader, plan, models.ItemType, null, serializer));
                return single;
            case JsonToken.StartArray:
                var items = models.Create();
                while (true)
                {
                    if (!reader.Read())
                    {
                        throw IdReader.Error(reader, $"the JSON text ends inside a list of {models.ItemType.Name}", kind: "value");
                    }

                    switch (reader.TokenType)
                    {
                        case JsonToken.EndArray:
                            return items;
                        case JsonToken.Comment:
                            continue;
                        default:
                            items.Add(ReadModel(reader, plan, models.ItemType, null, serializer));
                            break;
                    }
                }

            default:
                throw new JsonSerializationException($"Expected an array or a single object for {listType.Name}, found {reader.TokenType}. Path '{reader.Path}'.");
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Writing uses the default contract; CanWrite is false.");

    private static Collection<string>? ReadIdList(JsonReader reader)
    {
        var ids = IdReader.ReadList(reader);
        return ids is null ? null : new Collection<string>(ids);
    }

    // ReadAsString hands back a number's characters as written, before any numeric parsing.
    private static string? ReadString(JsonReader reader)
    {
        try
        {
            var text = reader.ReadAsString();
            return reader.TokenType is JsonToken.String or JsonToken.Null
                ? text
                : throw IdReader.Error(reader, $"expected a JSON string, found {IdReader.Describe(reader.TokenType)}", kind: "value");
        }
        catch (JsonReaderException exception)
        {
            throw IdReader.Error(reader, $"expected a JSON string: {exception.Message}", exception, kind: "value");
        }
    }

    private static object? ReadOther(JsonReader reader, ModelMember member, JsonSerializer serializer)
    {
        if (!reader.Read())
        {
            throw IdReader.Error(reader, "the JSON text ends before the value", kind: "value");
        }

        var type = member.Property.PropertyType!;
        return member.Property.Converter is { } converter
            ? converter.ReadJson(reader, type, null, serializer)
            : serializer.Deserialize(reader, type);
    }

    private static void ReadUnknown(JsonReader reader, ModelPlan plan, object target, string name)
    {
        var handling = reader.FloatParseHandling;
        reader.FloatParseHandling = FloatParseHandling.Double;
        try
        {
            var value = ReadAny(reader);
            plan.ExtensionDataSetter?.Invoke(target, name, value);
        }
        finally
        {
            reader.FloatParseHandling = handling;
        }
    }

    /// <summary>
    /// Reads the next value as a token. Unlike <see cref="JToken.ReadFrom(JsonReader)"/> it keeps an integer of more
    /// than 380 digits, which Newtonsoft's reader refuses to parse but has already consumed: its digits are exact.
    /// </summary>
    private static JToken ReadAny(JsonReader reader)
    {
        var huge = ReadToken(reader);
        if (huge is not null)
        {
            return new JValue(huge.Value);
        }

        switch (reader.TokenType)
        {
            case JsonToken.StartObject:
                var obj = new JObject();
                while (ReadToken(reader) is null && reader.TokenType == JsonToken.PropertyName)
                {
                    var property = (string)reader.Value!;
                    obj[property] = ReadAny(reader);
                }

                return obj;
            case JsonToken.StartArray:
                var array = new JArray();
                while (true)
                {
                    var item = ReadAny(reader);
                    if (item is JValue { Type: JTokenType.Undefined })
                    {
                        return array;
                    }

                    array.Add(item);
                }

            case JsonToken.EndArray:
                // Only reached for the end of an enclosing array: an Undefined marker ends that loop.
                return JValue.CreateUndefined();
            default:
                return new JValue(reader.Value);
        }
    }

    /// <summary>Advances the reader; returns the value of an over-long integer it consumed, or null.</summary>
    private static System.Numerics.BigInteger? ReadToken(JsonReader reader)
    {
        try
        {
            if (!reader.Read())
            {
                throw IdReader.Error(reader, "the JSON text ends before the value", kind: "value");
            }

            return null;
        }
        catch (JsonReaderException exception) when (OverlongInteger(exception.Message) is { } digits)
        {
            return System.Numerics.BigInteger.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
    }

    // Newtonsoft's message for an integer over its 380-character limit, after consuming it: "JSON integer <digits> is too large to parse."
    private static string? OverlongInteger(string message)
    {
        const string Prefix = "JSON integer ";
        const string Suffix = " is too large to parse.";
        var end = message.IndexOf(Suffix, StringComparison.Ordinal);
        if (!message.StartsWith(Prefix, StringComparison.Ordinal) || end < 0)
        {
            return null;
        }

        var digits = message[Prefix.Length..end];
        return digits.Length > 0 && digits.TrimStart('-').All(char.IsAsciiDigit) ? digits : null;
    }

    private sealed record ModelMember(JsonProperty Property, int Index, IdKind Kind, bool IsString, ModelList? Models)
    {
        public string Name { get; } = Property.PropertyName!;
    }

    /// <summary>What a member holding a list of models needs: its item type, and a new list of the member's type.</summary>
    private sealed class ModelList(Type itemType, Func<object> create)
    {
        public Type ItemType { get; } = itemType;

        /// <summary>The item type's plan, looked up on first use (a model may list its own type).</summary>
        public ModelPlan? ItemPlan { get; set; }

        public IList Create() => (IList)create();

        public static ModelList? For(Type listType, KooDriveContractResolver resolver)
        {
            if (KooDriveContractResolver.ItemTypeOf(listType) is not { } item || !KooDriveModels.IsModel(item))
            {
                return null;
            }

            // An interface-typed list (the generated ICollection<T>) is filled as a List<T>, as Newtonsoft fills one.
            var concrete = listType.IsInterface ? typeof(List<>).MakeGenericType(item) : listType;
            // A list type this reader cannot create (an array) is left to Newtonsoft, as any other member.
            return resolver.ResolveContract(concrete).DefaultCreator is { } create && typeof(IList).IsAssignableFrom(concrete)
                ? new ModelList(item, create)
                : null;
        }
    }

    private sealed class ModelPlan
    {
        private ModelPlan(Func<object> create, ModelMember[] members, ExtensionDataSetter? extensionDataSetter)
        {
            CreateInstance = create;
            Members = members;
            ByName = members.ToDictionary(m => m.Name, StringComparer.Ordinal);
            RequiredMembers = [.. members.Where(m => m.Property.Required is Required.Always or Required.AllowNull)];
            ExtensionDataSetter = extensionDataSetter;
        }

        public Func<object> CreateInstance { get; }

        public ModelMember[] Members { get; }

        public Dictionary<string, ModelMember> ByName { get; }

        public ModelMember[] RequiredMembers { get; }

        public ExtensionDataSetter? ExtensionDataSetter { get; }

        public static ModelPlan For(JsonObjectContract contract, KooDriveContractResolver resolver)
        {
            var type = contract.UnderlyingType;
            var members = contract.Properties
                .Where(p => !p.Ignored && p.Writable && p.PropertyName is not null)
                .Select((p, i) => new ModelMember(
                    p,
                    i,
                    KooDriveModels.IdKindOf(type, p.PropertyName!),
                    p.PropertyType == typeof(string),
                    p.Converter is null ? ModelList.For(p.PropertyType!, resolver) : null))
                .ToArray();
            var create = contract.DefaultCreator
                ?? throw new JsonSerializationException($"{type.Name} has no parameterless constructor.");
            return new ModelPlan(create, members, contract.ExtensionDataSetter);
        }

        /// <summary>The declared member of this name (case-exact), or null.</summary>
        public ModelMember? Find(string name)
        {
            // The reader's property names come from the resolver's name table, as the contract's do: a declared
            // name is the very same string instance, found without hashing it.
            foreach (var member in Members)
            {
                if (ReferenceEquals(member.Name, name))
                {
                    return member;
                }
            }

            return ByName.GetValueOrDefault(name);
        }
    }
}
