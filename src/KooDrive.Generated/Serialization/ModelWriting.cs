using Newtonsoft.Json;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// The steps the generated model writers (<see cref="KooDriveModelIO"/>) are made of. They write what Newtonsoft's
/// contract-based serializer writes with the SDK's settings, byte for byte: declared members in its order, a null
/// left out where the member says so, lists of IDs through <see cref="IdListWriter"/>, and anything the generated
/// code has no direct path for through Newtonsoft itself.
/// </summary>
internal static class ModelWriting
{
    /// <summary>A list of models; a null item is written as null.</summary>
    public static void WriteModels<T>(JsonWriter writer, IEnumerable<T?> items, Action<JsonWriter, T> write)
        where T : class
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            if (item is null)
            {
                writer.WriteNull();
            }
            else
            {
                write(writer, item);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>A value of a type the generated code has no direct path for, through <paramref name="converter"/> when the member declares one.</summary>
    public static void WriteOther(JsonWriter writer, object? value, JsonConverter? converter)
    {
        if (converter is not null && value is not null)
        {
            converter.WriteJson(writer, value, ModelReading.Fallback);
        }
        else
        {
            ModelReading.Fallback.Serialize(writer, value);
        }
    }

    /// <summary>The undeclared members a model kept, after its declared ones, as Newtonsoft writes extension data.</summary>
    public static void WriteExtensionData(JsonWriter writer, IDictionary<string, object>? members)
    {
        if (members is null)
        {
            return;
        }

        foreach (var (name, value) in members)
        {
            writer.WritePropertyName(name);
            ModelReading.Fallback.Serialize(writer, value);
        }
    }

    /// <summary>The error Newtonsoft raises for a null in a member that requires a value.</summary>
    public static JsonSerializationException NullRequired(JsonWriter writer, string jsonName) =>
        new($"Cannot write a null value for property '{jsonName}'. Property requires a value. Path '{writer.Path}'.");
}
