using System.Text;
using System.Text.Json;

namespace KooDrive.Generated.Errors;

/// <summary>What a response body is, and the <c>{code, msg}</c> envelope it carries if it is a JSON object.</summary>
/// <remarks>
/// The API gateway in front of KooDrive answers its own refusals (throttling, unknown API, authentication at the
/// gateway) with <c>{"error_code":"APIGW.0308","error_msg":…,"request_id":…}</c> instead. <c>error_code</c> is
/// the code when the body has no <c>code</c>, and <c>error_msg</c> is then the message, so a gateway refusal is
/// reported with its code rather than as a body without one. An envelope's own <c>code</c> always wins.
/// </remarks>
internal sealed record ResponseEnvelope(EnvelopeShape Shape, string? Code, string? Message, Exception? ParseError)
{
    /// <summary>The gateway's name for the code.</summary>
    public const string GatewayCodeName = "error_code";

    /// <summary>The gateway's name for the message.</summary>
    public const string GatewayMessageName = "error_msg";

    /// <summary>Whether <see cref="Code"/> is an integer (JSON number, or a string of digits: errata E13).</summary>
    public bool CodeIsInteger => Code is { } code && IsInteger(code.Trim());

    /// <summary>Whether the envelope says success: <c>code</c> is the integer 0.</summary>
    public bool IsSuccess => CodeIsInteger && Code!.Trim().TrimStart('-').All(c => c == '0');

    /// <summary>
    /// Reads the envelope without binding to a DTO, so no body can make it throw. Names match exactly, as the
    /// model reader's do, and no number is parsed: a number of any size or range is well-formed JSON.
    /// </summary>
    public static ResponseEnvelope Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new(EnvelopeShape.Empty, null, null, null);
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body), new JsonReaderOptions { MaxDepth = 128 });
        string? code = null;
        string? message = null;
        string? gatewayCode = null;
        string? gatewayMessage = null;
        try
        {
            reader.Read();
            var isObject = reader.TokenType == JsonTokenType.StartObject;

            // Reading to the end proves the whole body is one well-formed value: truncated JSON fails here.
            while (reader.Read())
            {
                if (!isObject || reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                var name = reader.GetString();
                reader.Read();
                var value = ScalarText(ref reader);
                switch (name)
                {
                    case "code": code = value ?? code; break;
                    case "msg": message = value ?? message; break;
                    case GatewayCodeName: gatewayCode = value ?? gatewayCode; break;
                    case GatewayMessageName: gatewayMessage = value ?? gatewayMessage; break;
                }

                reader.Skip();
            }

            (code, message) = code is null ? (gatewayCode, gatewayMessage ?? message) : (code, message ?? gatewayMessage);
            return new(isObject ? EnvelopeShape.Object : EnvelopeShape.NotObject, code, message, null);
        }
        catch (JsonException exception)
        {
            return new(EnvelopeShape.NotJson, code ?? gatewayCode, message ?? gatewayMessage, exception);
        }
    }

    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
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
