using KooDrive.Generated.Serialization;
using Newtonsoft.Json;

namespace KooDrive.Generated.Tests.Support;

/// <summary>Reads and writes JSON exactly as the generated clients do.</summary>
internal static class KooDriveJson
{
    public static JsonSerializerSettings Settings { get; } = KooDriveJsonSettings.Create();

    public static T Read<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings)!;

    public static string Write(object value) => JsonConvert.SerializeObject(value, Settings);
}
