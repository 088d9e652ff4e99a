using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Reads a DTO that has ID properties: the object is first read into a token tree with every ID taken from
/// the raw JSON text (<see cref="RawJson"/>), then Newtonsoft populates the DTO from that tree as usual
/// (required members, null handling, extension data, nested converters).
/// </summary>
/// <remarks>
/// Attached per contract by <see cref="KooDriveContractResolver"/>. A property-level converter cannot do this:
/// the serializer parses a number before it calls a property's converter, and a parsed 1.8E18 has lost digits.
/// Writing needs nothing special: ID properties are strings, so they are always written as JSON strings.
/// </remarks>
internal sealed class IdAwareObjectConverter(KooDriveContractResolver resolver) : JsonConverter
{
    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => resolver.ContainsIds(objectType);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            throw IdReader.Error(reader, $"expected a JSON object for {objectType.Name}, found {reader.TokenType}");
        }

        var path = reader.Path;
        var tree = RawJson.ReadValue(reader, objectType, resolver);
        var contract = (JsonObjectContract)resolver.ResolveContract(objectType);
        var target = existingValue
            ?? contract.DefaultCreator?.Invoke()
            ?? throw new JsonSerializationException($"{objectType.Name} has no parameterless constructor. Path '{path}'.");

        using var treeReader = new JTokenReader(tree, path);
        serializer.Populate(treeReader, target);
        return target;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Writing uses the default contract; CanWrite is false.");
}
