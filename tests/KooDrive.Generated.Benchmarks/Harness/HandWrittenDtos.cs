using System.Text.Json;
using System.Text.Json.Serialization;
using Newtonsoft.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace KooDrive.Generated.Benchmarks.Harness;

/// <summary>The request body a hand-written call sends.</summary>
public sealed class HandDeleteRequest
{
    /// <summary>The scope IDs.</summary>
    [JsonProperty("scopeIdList")]
    [JsonPropertyName("scopeIdList")]
    public IReadOnlyList<string> ScopeIdList { get; set; } = [];
}

/// <summary>The answer a hand-written call reads.</summary>
public sealed class HandDeleteResponse
{
    /// <summary>0 on success.</summary>
    [JsonProperty("code")]
    [JsonPropertyName("code")]
    public int Code { get; set; }

    /// <summary>The message.</summary>
    [JsonProperty("msg")]
    [JsonPropertyName("msg")]
    public string? Msg { get; set; }

    /// <summary>Deleted IDs.</summary>
    [JsonProperty("scopeIdList")]
    [JsonPropertyName("scopeIdList")]
    public List<string>? ScopeIdList { get; set; }

    /// <summary>Failures.</summary>
    [JsonProperty("failedScopeList")]
    [JsonPropertyName("failedScopeList")]
    public List<HandDeleteFailure>? FailedScopeList { get; set; }

    /// <summary>How many IDs the answer accounts for; throws unless the envelope says success.</summary>
    public int CountOrThrow() => Code == 0
        ? (ScopeIdList?.Count ?? 0) + (FailedScopeList?.Count ?? 0)
        : throw new HttpRequestException($"KooDrive refused the call: {Code} {Msg}");
}

/// <summary>One failure.</summary>
public sealed class HandDeleteFailure
{
    /// <summary>The ID.</summary>
    [JsonProperty("scopeId")]
    [JsonPropertyName("scopeId")]
    public string? ScopeId { get; set; }

    /// <summary>The error code.</summary>
    [JsonProperty("errorCode")]
    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; set; }

    /// <summary>The message.</summary>
    [JsonProperty("msg")]
    [JsonPropertyName("msg")]
    public string? Msg { get; set; }
}

/// <summary>
/// What a System.Text.Json user adds to read IDs sent as JSON numbers into strings: System.Text.Json refuses a
/// number for a string property, and the number's raw UTF-8 text is exact.
/// </summary>
public sealed class StringFromNumberConverter : System.Text.Json.Serialization.JsonConverter<string>
{
    /// <summary>Options with this converter.</summary>
    public static JsonSerializerOptions Options { get; } = new() { Converters = { new StringFromNumberConverter() } };

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan)
            : reader.GetString();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
