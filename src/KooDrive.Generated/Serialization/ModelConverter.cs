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

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            throw IdReader.Error(reader, $"expected a JSON object for {objectType.Name}, found {IdReader.Describe(reader.TokenType)}", kind: "value");
        }

        var plan = _plans.GetOrAdd(objectType, static (type, r) => ModelPlan.For((JsonObjectContract)r.ResolveContract(type)), resolver);
        var target = existingValue ?? plan.CreateInstance();
        Span<bool> seen = plan.Members.Length <= 64 ? stackalloc bool[plan.Members.Length] : new bool[plan.Members.Length];
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
            if (!plan.ByName.TryGetValue(name, out var member))
            {
                ReadUnknown(reader, plan, target, name);
                continue;
            }

            if (seen[member.Index])
            {
                throw IdReader.Error(reader, $"the member '{name}' appears twice in one {objectType.Name}; which value the service meant cannot be known", kind: "value");
            }

            seen[member.Index] = true;
            var value = member.Kind switch
            {
                IdKind.Scalar => IdReader.ReadScalar(reader),
                IdKind.List => ReadIdList(reader),
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
            if (!seen[member.Index])
            {
                throw new JsonSerializationException(
                    string.Create(CultureInfo.InvariantCulture, $"Required property '{member.Property.PropertyName}' not found in JSON. Path '{reader.Path}'."));
            }
        }

        return target;
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

    private sealed record ModelMember(JsonProperty Property, int Index, IdKind Kind, bool IsString);

    private sealed class ModelPlan
    {
        private ModelPlan(Func<object> create, ModelMember[] members, ExtensionDataSetter? extensionDataSetter)
        {
            CreateInstance = create;
            Members = members;
            ByName = members.ToDictionary(m => m.Property.PropertyName!, StringComparer.Ordinal);
            RequiredMembers = [.. members.Where(m => m.Property.Required is Required.Always or Required.AllowNull)];
            ExtensionDataSetter = extensionDataSetter;
        }

        public Func<object> CreateInstance { get; }

        public ModelMember[] Members { get; }

        public Dictionary<string, ModelMember> ByName { get; }

        public ModelMember[] RequiredMembers { get; }

        public ExtensionDataSetter? ExtensionDataSetter { get; }

        public static ModelPlan For(JsonObjectContract contract)
        {
            var type = contract.UnderlyingType;
            var members = contract.Properties
                .Where(p => !p.Ignored && p.Writable && p.PropertyName is not null)
                .Select((p, i) => new ModelMember(p, i, KooDriveModels.IdKindOf(type, p.PropertyName!), p.PropertyType == typeof(string)))
                .ToArray();
            var create = contract.DefaultCreator
                ?? throw new JsonSerializationException($"{type.Name} has no parameterless constructor.");
            return new ModelPlan(create, members, contract.ExtensionDataSetter);
        }
    }
}
