using System.Globalization;
using Newtonsoft.Json;

namespace KooDrive.Generated.Errors;

/// <summary>What a response body is, and the <c>{code, msg}</c> envelope it carries if it is a JSON object.</summary>
/// <remarks>
/// The API gateway in front of KooDrive answers its own refusals (throttling, unknown API, authentication at the
/// gateway) with <c>{"error_code":"APIGW.0308","error_msg":…,"request_id":…}</c> instead. <c>error_code</c> is
/// the code when the body has no <c>code</c>, and <c>error_msg</c> is then the message, so a gateway refusal is
/// reported with its code rather than as a body without one. An envelope's own <c>code</c> always wins.
/// </remarks>
internal sealed record ResponseEnvelope(EnvelopeShape Shape, string? Code, string? Message, JsonException? ParseError)
{
    /// <summary>The gateway's name for the code.</summary>
    public const string GatewayCodeName = "error_code";

    /// <summary>The gateway's name for the message.</summary>
    public const string GatewayMessageName = "error_msg";

    /// <summary>Whether <see cref="Code"/> is an integer (JSON number, or a string of digits: errata E13).</summary>
    public bool CodeIsInteger => Code is { } code && IsInteger(code.Trim());

    /// <summary>Whether the envelope says success: <c>code</c> is the integer 0.</summary>
    public bool IsSuccess => CodeIsInteger && Code!.Trim().TrimStart('-').All(c => c == '0');

    /// <summary>Reads the envelope without binding to a DTO, so no body can make it throw.</summary>
    public static ResponseEnvelope Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new(EnvelopeShape.Empty, null, null, null);
        }

        using var reader = new JsonTextReader(new StringReader(body))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = 128,
        };

        string? code = null;
        string? message = null;
        string? gatewayCode = null;
        string? gatewayMessage = null;
        try
        {
            if (!reader.Read())
            {
                return new(EnvelopeShape.Empty, null, null, null);
            }

            var isObject = reader.TokenType == JsonToken.StartObject;
            var isContainer = isObject || reader.TokenType == JsonToken.StartArray;
            var closed = !isContainer;

            // Reading to the end proves the whole body is well-formed: truncated JSON fails here.
            while (reader.Read())
            {
                closed = reader.Depth == 0 && reader.TokenType is JsonToken.EndObject or JsonToken.EndArray;
                if (!isObject || reader.TokenType != JsonToken.PropertyName || reader.Depth != 1)
                {
                    continue;
                }

                var name = (string)reader.Value!;
                reader.Read();
                if (string.Equals(name, "code", StringComparison.OrdinalIgnoreCase))
                {
                    code = ScalarText(reader) ?? code;
                }
                else if (string.Equals(name, "msg", StringComparison.OrdinalIgnoreCase))
                {
                    message = ScalarText(reader) ?? message;
                }
                else if (string.Equals(name, GatewayCodeName, StringComparison.OrdinalIgnoreCase))
                {
                    gatewayCode = ScalarText(reader) ?? gatewayCode;
                }
                else if (string.Equals(name, GatewayMessageName, StringComparison.OrdinalIgnoreCase))
                {
                    gatewayMessage = ScalarText(reader) ?? gatewayMessage;
                }

                reader.Skip();
            }

            (code, message) = code is null ? (gatewayCode, gatewayMessage ?? message) : (code, message ?? gatewayMessage);
            if (!closed)
            {
                return new(EnvelopeShape.NotJson, code, message, new JsonReaderException("The JSON text ends before its root value is closed."));
            }

            return new(isObject ? EnvelopeShape.Object : EnvelopeShape.NotObject, code, message, null);
        }
        catch (JsonReaderException exception)
        {
            return new(EnvelopeShape.NotJson, code ?? gatewayCode, message ?? gatewayMessage, exception);
        }
    }

    private static string? ScalarText(JsonReader reader) => reader.TokenType switch
    {
        JsonToken.String => (string?)reader.Value,
        JsonToken.Integer or JsonToken.Float or JsonToken.Boolean => Convert.ToString(reader.Value, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool IsInteger(string text)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }
}

/// <summary>The kind of body a response has.</summary>
internal enum EnvelopeShape
{
    /// <summary>No body, or only white space.</summary>
    Empty,

    /// <summary>Not well-formed JSON: an HTML page, truncated JSON, plain text.</summary>
    NotJson,

    /// <summary>Well-formed JSON, but not an object.</summary>
    NotObject,

    /// <summary>A JSON object.</summary>
    Object,
}
