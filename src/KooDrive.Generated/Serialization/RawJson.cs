using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Reads a JSON value into a token tree, guided by the DTO type it will become, so that every ID inside it is
/// read from the raw text (<see cref="IdReader"/>) and stored as a string of digits.
/// </summary>
internal static class RawJson
{
    /// <summary>Reads the value whose first token the reader is on.</summary>
    public static JToken ReadValue(JsonReader reader, Type type, KooDriveContractResolver resolver)
    {
        var contract = resolver.ResolveContract(type);
        if (contract is JsonObjectContract objectContract && reader.TokenType == JsonToken.StartObject && resolver.ContainsIds(type))
        {
            return ReadObject(reader, objectContract, type, resolver);
        }

        if (contract is JsonArrayContract && KooDriveContractResolver.ItemTypeOf(type) is { } itemType && resolver.ContainsIds(itemType))
        {
            if (reader.TokenType != JsonToken.StartArray)
            {
                // A single element where the spec has an array; SingleOrArrayConverter wraps it later.
                return ReadValue(reader, itemType, resolver);
            }

            var array = new JArray();
            while (Advance(reader) != JsonToken.EndArray)
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    array.Add(ReadValue(reader, itemType, resolver));
                }
            }

            return array;
        }

        return JToken.ReadFrom(reader);
    }

    private static JObject ReadObject(JsonReader reader, JsonObjectContract contract, Type type, KooDriveContractResolver resolver)
    {
        var result = new JObject();
        while (true)
        {
            switch (Advance(reader))
            {
                case JsonToken.EndObject:
                    return result;
                case JsonToken.Comment:
                    continue;
                case JsonToken.PropertyName:
                    break;
                default:
                    throw new JsonSerializationException($"Unexpected {reader.TokenType} in a JSON object. Path '{reader.Path}'.");
            }

            var name = (string)reader.Value!;
            var property = contract.Properties.GetClosestMatchProperty(name);
            result[name] = KooDriveContractResolver.GetIdKind(type, property?.PropertyName ?? name) switch
            {
                IdKind.Scalar => IdReader.ReadScalar(reader),
                IdKind.List => IdReader.ReadList(reader),
                _ => ReadNested(reader, property?.PropertyType, resolver),
            };
        }
    }

    private static JToken ReadNested(JsonReader reader, Type? type, KooDriveContractResolver resolver)
    {
        Advance(reader);
        return type is null ? JToken.ReadFrom(reader) : ReadValue(reader, type, resolver);
    }

    private static JsonToken Advance(JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonSerializationException($"Unexpected end of the JSON text. Path '{reader.Path}'.");
}
