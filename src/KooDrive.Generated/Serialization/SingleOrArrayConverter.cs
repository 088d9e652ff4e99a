using System.Collections;
using System.Collections.ObjectModel;
using Newtonsoft.Json;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Reads a list of objects that the service may send as a single object (errata E1: the delete-scopes table
/// documents <c>failedScopeList</c> as one object, the example as an array).
/// </summary>
internal sealed class SingleOrArrayConverter : JsonConverter
{
    public static SingleOrArrayConverter Instance { get; } = new();

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => KooDriveContractResolver.ItemTypeOf(objectType) is not null;

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.StartArray:
                return serializer.Deserialize(reader, objectType);
            case JsonToken.StartObject:
                var itemType = KooDriveContractResolver.ItemTypeOf(objectType)!;
                var list = (IList)Activator.CreateInstance(objectType.IsInterface ? typeof(Collection<>).MakeGenericType(itemType) : objectType)!;
                list.Add(serializer.Deserialize(reader, itemType));
                return list;
            default:
                throw new JsonSerializationException($"Expected an array or a single object for {objectType.Name}, found {reader.TokenType}. Path '{reader.Path}'.");
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Writing uses the default contract; CanWrite is false.");
}
