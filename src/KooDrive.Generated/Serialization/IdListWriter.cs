using Newtonsoft.Json;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Writes a list of IDs. An ID of decimal digits needs no escaping, so its characters go into the JSON text as they
/// are, between the writer's quotes; any other value is written, and escaped, as Newtonsoft writes any string.
/// </summary>
/// <remarks>
/// Called by the generated writers (<see cref="KooDriveModelIO"/>), and attached to every ID-list property by
/// <see cref="KooDriveContractResolver"/>. Reading is <see cref="IdReader"/>'s.
/// </remarks>
internal sealed class IdListWriter : JsonConverter
{
    private const string DoubleQuote = "\"";
    private const string SingleQuote = "'";

    public static IdListWriter Instance { get; } = new();

    public override bool CanRead => false;

    public override bool CanConvert(Type objectType) => typeof(IEnumerable<string>).IsAssignableFrom(objectType);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("IDs are read by the model reader; CanRead is false.");

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        Write(writer, value as IEnumerable<string?>);

    /// <summary>Writes <paramref name="ids"/> as a JSON array of strings, or null.</summary>
    public static void Write(JsonWriter writer, IEnumerable<string?>? ids)
    {
        if (ids is null)
        {
            writer.WriteNull();
            return;
        }

        var text = writer as JsonTextWriter;
        var quote = text?.QuoteChar == '\'' ? SingleQuote : DoubleQuote;
        writer.WriteStartArray();
        foreach (var id in ids)
        {
            if (text is not null && IdText.IsDigits(id))
            {
                text.WriteRawValue(quote);
                text.WriteRaw(id);
                text.WriteRaw(quote);
            }
            else
            {
                writer.WriteValue(id);
            }
        }

        writer.WriteEndArray();
    }
}
