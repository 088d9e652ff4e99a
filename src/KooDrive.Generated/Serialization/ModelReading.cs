using System.Collections.ObjectModel;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// The steps the generated model readers (<see cref="KooDriveModelIO"/>) are made of, with the rules a plain
/// Newtonsoft read does not keep: member names match exactly (<c>ScopeIdList</c> is not <c>scopeIdList</c>), a
/// declared member that appears twice is refused (the server would have meant one of them, and nothing says which),
/// IDs are read from the raw JSON text, and string members take a number's characters as written.
/// </summary>
/// <remarks>
/// A value the generated code has no direct path for (a number where the spec has a string enum, a string where it
/// has an integer) goes to Newtonsoft's own conversion, through a serializer with the SDK's settings: the answer is
/// the one the contract-based serializer gives, and its machinery is loaded only when such a value turns up.
/// Unknown members are kept in <c>AdditionalProperties</c>; numbers there are read with
/// <see cref="FloatParseHandling.Double"/>, so no value's size or range fails a call.
/// </remarks>
internal static class ModelReading
{
    private static JsonSerializer? s_fallback;

    /// <summary>The converter every string enum of the spec is declared with.</summary>
    public static StringEnumConverter StringEnums { get; } = new();

    /// <summary>A serializer with the SDK's settings, created the first time a value needs Newtonsoft's conversions.</summary>
    public static JsonSerializer Fallback => LazyInitializer.EnsureInitialized(ref s_fallback, static () => JsonSerializer.Create(KooDriveJsonSettings.Create()));

    /// <summary>
    /// Reads a whole JSON document as one model of <paramref name="type"/>, as
    /// <see cref="JsonSerializer.Deserialize(JsonReader, Type)"/> with additional-content checking does: no content is
    /// null, and anything but comments after the value is refused.
    /// </summary>
    public static object? ReadDocument(JsonReader reader, Type type)
    {
        if (!ReadSkippingComments(reader))
        {
            return null;
        }

        var value = KooDriveModelIO.Read(type, reader, null);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                throw IdReader.Located(reader, "Additional text found in JSON string after finishing deserializing object.", reader.Path);
            }
        }

        return value;
    }

    /// <summary>
    /// Starts reading a model: false for JSON null; the reader must be on the value (a converter's position).
    /// </summary>
    public static bool BeginObject(JsonReader reader, string typeName) => reader.TokenType switch
    {
        JsonToken.Null => false,
        JsonToken.StartObject => true,
        _ => throw IdReader.Error(reader, $"expected a JSON object for {typeName}, found {IdReader.Describe(reader.TokenType)}", kind: "value"),
    };

    /// <summary>The next member's name, or null at the object's end.</summary>
    public static string? NextMember(JsonReader reader, string typeName)
    {
        if (!reader.Read())
        {
            throw IdReader.Error(reader, $"the JSON text ends inside {typeName}", kind: "value");
        }

        return reader.TokenType == JsonToken.EndObject ? null : (string)reader.Value!;
    }

    /// <summary>Marks a declared member read; refuses it the second time.</summary>
    public static void Once(ref SeenMembers seen, int index, JsonReader reader, string typeName)
    {
        if (!seen.Add(index))
        {
            throw IdReader.Error(reader, $"the member '{reader.Value}' appears twice in one {typeName}; which value the service meant cannot be known", kind: "value");
        }
    }

    /// <summary>The error for a required member whose value is null.</summary>
    public static JsonSerializationException NullRequired(JsonReader reader, string jsonName, string typeName) =>
        IdReader.Error(reader, $"the required member '{jsonName}' of {typeName} is null", kind: "value");

    /// <summary>Refuses an object that ended without a required member. At the object's end the reader's path is the object's own.</summary>
    public static void Require(in SeenMembers seen, int index, JsonReader reader, string jsonName)
    {
        if (!seen.Contains(index))
        {
            throw new JsonSerializationException(
                string.Create(CultureInfo.InvariantCulture, $"Required property '{jsonName}' not found in JSON. Path '{reader.Path}'."));
        }
    }

    /// <summary>Moves onto the next value.</summary>
    public static JsonReader Advance(JsonReader reader) =>
        reader.Read() ? reader : throw IdReader.Error(reader, "the JSON text ends before the value", kind: "value");

    /// <summary>A string member: <see cref="JsonReader.ReadAsString"/> hands back a number's characters as written, before any numeric parsing.</summary>
    public static string? ReadString(JsonReader reader)
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

    /// <summary>A list of IDs, each exact (<see cref="IdReader"/>).</summary>
    public static Collection<string>? ReadIdList(JsonReader reader)
    {
        var ids = IdReader.ReadList(reader);
        return ids is null ? null : new Collection<string>(ids);
    }

    /// <summary>
    /// A list of models, read item by item in this same pass. The service may send a single object where the spec
    /// has a list (errata E1: the delete-scopes table documents <c>failedScopeList</c> as one object, the example as
    /// an array); it becomes a list of that one item.
    /// </summary>
    /// <remarks>A JSON null item stays null, as Newtonsoft keeps it.</remarks>
    public static List<T>? ReadModels<T>(JsonReader reader, string itemTypeName, string listTypeName, Func<JsonReader, T?, T?> readItem)
        where T : class
    {
        Advance(reader);
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.StartObject:
                return [readItem(reader, null)!];
            case JsonToken.StartArray:
                var items = new List<T>();
                while (true)
                {
                    if (!reader.Read())
                    {
                        throw IdReader.Error(reader, $"the JSON text ends inside a list of {itemTypeName}", kind: "value");
                    }

                    switch (reader.TokenType)
                    {
                        case JsonToken.EndArray:
                            return items;
                        case JsonToken.Comment:
                            continue;
                        default:
                            items.Add(readItem(reader, null)!);
                            break;
                    }
                }

            default:
                throw new JsonSerializationException($"Expected an array or a single object for {listTypeName}, found {reader.TokenType}. Path '{reader.Path}'.");
        }
    }

    /// <summary>An integer member: a JSON integer in range is taken as it is; any other token gets Newtonsoft's conversion.</summary>
    public static int? ReadInt32(JsonReader reader, bool nullable)
    {
        Advance(reader);
        if (reader.TokenType == JsonToken.Integer && reader.Value is long value && value >= int.MinValue && value <= int.MaxValue)
        {
            return (int)value;
        }

        return reader.TokenType == JsonToken.Null && nullable ? null : ConvertInt32(reader, nullable);
    }

    // Apart from ReadInt32 because crossgen2 cannot precompile unboxing a Nullable<int> from an object: kept here, off
    // the path a JSON integer takes, it leaves ReadInt32 precompiled.
    private static int? ConvertInt32(JsonReader reader, bool nullable) =>
        nullable ? (int?)Convert(reader, typeof(int?), converter: null) : (int)Convert(reader, typeof(int), converter: null)!;

    /// <summary>
    /// What Newtonsoft makes of the value the reader is on, for <paramref name="type"/>: through
    /// <paramref name="converter"/> when the member declares one.
    /// </summary>
    public static object? Convert(JsonReader reader, Type type, JsonConverter? converter) =>
        converter is not null
            ? converter.ReadJson(reader, type, null, Fallback)
            : Fallback.Deserialize(reader, type);

    /// <summary>A member of a type the generated code has no direct path for.</summary>
    public static T ReadOther<T>(JsonReader reader, JsonConverter? converter) =>
        (T)Convert(Advance(reader), typeof(T), converter)!;

    /// <summary>An undeclared member: kept in <paramref name="into"/> when the model keeps them, read and dropped otherwise.</summary>
    public static void ReadUnknown(JsonReader reader, IDictionary<string, object>? into, string name)
    {
        var handling = reader.FloatParseHandling;
        reader.FloatParseHandling = FloatParseHandling.Double;
        try
        {
            var value = ReadAny(reader);
            if (into is not null)
            {
                into[name] = value;
            }
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
            Advance(reader);
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

    private static bool ReadSkippingComments(JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }

        return false;
    }

}
