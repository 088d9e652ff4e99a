using Newtonsoft.Json;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Hands a spec model met by Newtonsoft's serializer with the SDK's settings (<see cref="ModelReading.Fallback"/>, the
/// generated clients' settings) to its generated reader, so a model is read by one set of rules however it is reached:
/// exact names, duplicates refused, IDs from the raw text (<see cref="ModelReading"/>).
/// </summary>
/// <remarks>
/// Attached to every generated model's contract by <see cref="KooDriveContractResolver"/>. Writing is left to the
/// contract, which the generated writers match byte for byte.
/// </remarks>
internal sealed class ModelConverter : JsonConverter
{
    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => KooDriveModels.IsModel(objectType);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        KooDriveModelIO.Read(objectType, reader, existingValue);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Writing uses the default contract; CanWrite is false.");
}
