using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Reads the value of an ID property from a JSON reader, keeping a JSON number's digits exactly.
/// </summary>
/// <remarks>
/// <see cref="JsonTextReader.ReadAsString"/> hands back a number's raw text, before any numeric parsing; that is
/// the only way to see <c>1.842846715527366528E18</c> or a 40-digit integer as written. Other readers (a
/// <see cref="JTokenReader"/> over a tree someone else parsed) only have parsed values, so a value that
/// already went through <see cref="double"/> is refused there.
/// </remarks>
internal static class IdReader
{
    private const string Expected = "expected a JSON string of digits or a JSON integer";

    /// <summary>Reads one ID (or null); the reader is positioned before the value.</summary>
    public static string? ReadScalar(JsonReader reader) =>
        (ReadId(reader, insideArray: false, reader.Path) ?? throw Error(reader, $"{Expected}, found the end of an array")).Value as string;

    /// <summary>Reads an array of IDs (or null); the reader is positioned before the value.</summary>
    public static List<string>? ReadList(JsonReader reader)
    {
        Advance(reader);
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.StartArray)
        {
            throw Error(reader, $"expected an array of KooDrive IDs, found {Describe(reader.TokenType)}");
        }

        var array = new List<string>();
        var listPath = reader.Path;
        while (ReadId(reader, insideArray: true, string.Create(CultureInfo.InvariantCulture, $"{listPath}[{array.Count}]")) is { } id)
        {
            array.Add(id.Value as string ?? throw Error(reader, $"{Expected}, found null"));
        }

        return array;
    }

    // Null when the array ended. The path names the value for errors raised before the reader has moved onto it.
    private static JValue? ReadId(JsonReader reader, bool insideArray, string path)
    {
        if (reader is JsonTextReader)
        {
            string? text;
            try
            {
                text = reader.ReadAsString();
            }
            catch (JsonReaderException exception)
            {
                // ReadAsString refuses '{' and '[' (and malformed JSON) with a reader error.
                throw Error(reader, $"{Expected}: {exception.Message}", exception, path);
            }

            return reader.TokenType switch
            {
                JsonToken.Null => JValue.CreateNull(),
                JsonToken.String => Normalize(reader, text!),
                JsonToken.EndArray when insideArray => null,
                _ => throw Error(reader, $"{Expected}, found {Describe(reader.TokenType)}"),
            };
        }

        Advance(reader);
        return reader.TokenType switch
        {
            JsonToken.Null => JValue.CreateNull(),
            JsonToken.EndArray when insideArray => null,
            JsonToken.String => Normalize(reader, (string)reader.Value!),
            JsonToken.Integer => Normalize(reader, Convert.ToString(reader.Value, CultureInfo.InvariantCulture)!),
            JsonToken.Float when reader.Value is decimal value => Normalize(reader, value.ToString(CultureInfo.InvariantCulture)),
            JsonToken.Float => throw Error(reader, "was already converted to a binary floating-point number, so its digits cannot be trusted; read the JSON text with the SDK's settings, or send IDs as JSON strings"),
            _ => throw Error(reader, $"{Expected}, found {Describe(reader.TokenType)}"),
        };
    }

    private static JValue Normalize(JsonReader reader, string text) =>
        IdText.TryNormalize(text, out var digits, out var problem)
            ? new JValue(digits)
            : throw Error(reader, $"'{Excerpt(text)}' {problem}");

    private static void Advance(JsonReader reader)
    {
        bool read;
        try
        {
            read = reader.Read();
        }
        catch (JsonReaderException exception)
        {
            throw Error(reader, $"{Expected}: {exception.Message}", exception);
        }

        if (!read)
        {
            throw Error(reader, $"{Expected}, found the end of the JSON text");
        }
    }

    internal static string Describe(JsonToken token) => token switch
    {
        JsonToken.StartObject => "an object",
        JsonToken.StartArray => "an array",
        JsonToken.Boolean => "a boolean",
        JsonToken.EndArray or JsonToken.EndObject => "the end of the enclosing value",
        _ => token.ToString(),
    };

    private static string Excerpt(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");

    internal static JsonSerializationException Error(JsonReader reader, string detail, Exception? inner = null, string? path = null, string kind = "KooDrive ID")
    {
        path ??= reader.Path;
        var info = reader as IJsonLineInfo;
        var hasLine = info?.HasLineInfo() == true;
        var line = hasLine ? info!.LineNumber : 0;
        var position = hasLine ? info!.LinePosition : 0;
        var where = hasLine ? string.Create(CultureInfo.InvariantCulture, $", line {line}, position {position}") : string.Empty;
        return new JsonSerializationException($"Cannot read the {kind} at path '{path}': {detail}. Path '{path}'{where}.", path, line, position, inner);
    }
}
