using System.Globalization;
using System.Net.Http.Headers;

namespace KooDrive.Generated.Auth;

/// <summary>Rejects header values that would split or corrupt an HTTP header, or that the transport cannot send.</summary>
/// <remarks>
/// Messages name the header and the offending code point only: the value itself may be a secret
/// (a token, a signature), so it never appears in an exception. Non-ASCII is refused here, before any I/O,
/// because SocketsHttpHandler refuses it only when sending, as an <see cref="HttpRequestException"/> the
/// retry policy would retry.
/// </remarks>
internal static class HeaderValueGuard
{
    public static bool IsControl(char c) => c < '\u0020' || c == '\u007F';

    /// <summary>Throws when <paramref name="value"/> contains a control character (the rule for signed values).</summary>
    public static void ThrowIfInvalid(string headerName, string value) => ThrowIfInvalid(headerName, value, asciiOnly: false);

    /// <summary>Throws when <paramref name="value"/> contains a control character or anything beyond ASCII (the rule for sent values).</summary>
    public static void ThrowIfNotSendable(string headerName, string value) => ThrowIfInvalid(headerName, value, asciiOnly: true);

    private static void ThrowIfInvalid(string headerName, string value, bool asciiOnly)
    {
        foreach (var c in value)
        {
            if (IsControl(c))
            {
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "The value of the '{0}' header contains the control character U+{1:X4}. Header values must not contain CR, LF or other control characters, which would split or corrupt the header; the request was not sent.",
                        headerName,
                        (int)c),
                    headerName);
            }

            if (asciiOnly && c > '\u007E')
            {
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "The value of the '{0}' header contains the non-ASCII character U+{1:X4}. Header values must be printable ASCII (U+0020 to U+007E), which is all HttpClient sends; the request was not sent.",
                        headerName,
                        (int)c),
                    headerName);
            }
        }
    }

    /// <summary>
    /// Throws unless <paramref name="value"/> is non-empty printable ASCII without leading or trailing spaces:
    /// the rule for every value the SDK itself puts in a header (HTTP trims the spaces, which would change the value).
    /// </summary>
    public static void ThrowIfNotPrintableAscii(string headerName, string value)
    {
        ThrowIfNotSendable(headerName, value);
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ')
        {
            throw new ArgumentException(
                string.Format(
                    CultureInfo.InvariantCulture,
                    "The value of the '{0}' header must be non-empty printable ASCII without leading or trailing spaces; the request was not sent.",
                    headerName),
                headerName);
        }
    }

    /// <summary>An exception about the value of <paramref name="headerName"/>; <paramref name="reason"/> must not quote the value.</summary>
    public static ArgumentException InvalidHeader(string headerName, string reason) => new(reason, headerName);

    public static void ThrowIfAnyInvalid(HttpHeaders headers)
    {
        foreach (var header in headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                ThrowIfNotSendable(header.Key, value);
            }
        }
    }

    /// <summary>True for a value made only of visible ASCII and inner spaces (what HttpClient sends as-is).</summary>
    public static bool IsPrintableAscii(string value, bool allowSpaces)
    {
        foreach (var c in value)
        {
            if (c > '\u007E' || c < '\u0020' || (!allowSpaces && c == ' '))
            {
                return false;
            }
        }

        return true;
    }
}
