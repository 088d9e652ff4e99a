using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KooDrive.Emulator.Models;

/// <summary>The emulator's JSON rules, independent of the SDK's serializer (System.Text.Json, not Newtonsoft).</summary>
internal static class EmulatorJson
{
    /// <summary>
    /// Case-sensitive names, unknown members ignored, nulls omitted, and strings that also accept JSON
    /// numbers (read from their exact digits): what a Jackson-based service does by default.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonNode ToNode<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Options) ?? throw new InvalidOperationException("A response body serialised to null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new LenientStringConverter());
        options.MakeReadOnly();
        return options;
    }
}
