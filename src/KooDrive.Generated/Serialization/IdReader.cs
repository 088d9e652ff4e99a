using System.Globalization;
using Newtonsoft.Json;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Reads the value of an ID property from a JSON reader, keeping a JSON number's digits exactly.
/// </summary>
/// <remarks>
/// <see cref="JsonTextReader.ReadAsString"/> hands back a number's raw text, before any numeric parsing; that is
/// the only way to see <c>1.842846715527366528E18</c> or a 40-digit integer as written. Other readers (a
/// <see cref="Newtonsoft.Json.Linq.JTokenReader"/> over a tree someone else parsed) only have parsed values, so a value that
/// already went through <see cref="double"/> is refused there.
/// </remarks>
internal static class IdReader
{
    private const string Expected = "expected a JSON string of digits or a JSON integer";

    /// <summary>Reads one ID (or null); the reader is positioned before the value.</summary>
    public static string? ReadScalar(JsonReader reader)
    {
        // Not inside an array, so the end of one is refused inside TryReadId: the result is always true.
        TryReadId(reader, insideArray: false, listDepth: -1, index: 0, out var id);
        return id;
    }

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
        var listDepth = reader.Depth;
        while (TryReadId(reader, insideArray: true, listDepth, array.Count, out var id))
        {
            array.Add(id ?? throw Error(reader, $"{Expected}, found null"));
        }

        return array;
    }

    // False when the array ended. An element's errors raised before the reader has moved onto it are named from the
    // list's depth and the index, and only then: building the list's path for every list would cost more than reading it.
    private static bool TryReadId(JsonReader reader, bool insideArray, int listDepth, int index, out string? id)
    {
        id = null;
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
                throw Error(reader, $"{Expected}: {exception.Message}", exception, ElementPath(reader, listDepth, index));
            }

            switch (reader.TokenType)
            {
                case JsonToken.Null:
                    return true;
                case JsonToken.String:
                    id = Normalize(reader, text!);
                    return true;
                case JsonToken.EndArray when insideArray:
                    return false;
                default:
                    throw Error(reader, $"{Expected}, found {Describe(reader.TokenType)}");
            }
        }

        Advance(reader);
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return true;
            case JsonToken.EndArray when insideArray:
                return false;
            case JsonToken.String:
                id = Normalize(reader, (string)reader.Value!);
                return true;
            case JsonToken.Integer:
                id = Normalize(reader, Convert.ToString(reader.Value, CultureInfo.InvariantCulture)!);
                return true;
            case JsonToken.Float when reader.Value is decimal value:
                id = Normalize(reader, value.ToString(CultureInfo.InvariantCulture));
                return true;
            case JsonToken.Float:
                throw Error(reader, "was already converted to a binary floating-point number, so its digits cannot be trusted; read the JSON text with the SDK's settings, or send IDs as JSON strings");
            default:
                throw Error(reader, $"{Expected}, found {Describe(reader.TokenType)}");
        }
    }

    // The reader is still on the list itself (its depth), or on the list's previous element (one deeper, its path
    // ending in that element's index): either way the list's own path is known without having built it before.
    private static string ElementPath(JsonReader reader, int listDepth, int index)
    {
        var path = reader.Path;
        if (listDepth < 0)
        {
            return path;
        }

        var listPath = reader.Depth > listDepth ? path[..path.LastIndexOf('[')] : path;
        return string.Create(CultureInfo.InvariantCulture, $"{listPath}[{index}]");
    }

    private static string Normalize(JsonReader reader, string text) =>
        IdText.TryNormalize(text, out var digits, out var problem)
            ? digits
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
        return Located(reader, $"Cannot read the {kind} at path '{path}': {detail}.", path, inner);
    }

    /// <summary>
    /// <paramref name="message"/> as Newtonsoft words a serializer error: then the path, and the line and position when
    /// the reader knows them.
    /// </summary>
    internal static JsonSerializationException Located(JsonReader reader, string message, string path, Exception? inner = null)
    {
        var info = reader as IJsonLineInfo;
        var hasLine = info?.HasLineInfo() == true;
        var line = hasLine ? info!.LineNumber : 0;
        var position = hasLine ? info!.LinePosition : 0;
        var where = hasLine ? string.Create(CultureInfo.InvariantCulture, $", line {line}, position {position}") : string.Empty;
        return new JsonSerializationException($"{message} Path '{path}'{where}.", path, line, position, inner);
    }
}
