using System.Globalization;
using System.Net.Http.Headers;

namespace KooDrive.Generated.Auth;

/// <summary>Rejects header values that would split or corrupt an HTTP header.</summary>
/// <remarks>
/// Messages name the header and the offending code point only: the value itself may be a secret
/// (a token, a signature), so it never appears in an exception.
/// </remarks>
internal static class HeaderValueGuard
{
    public static bool IsControl(char c) => c < '\u0020' || c == '\u007F';

    public static void ThrowIfInvalid(string headerName, string value)
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
                ThrowIfInvalid(header.Key, value);
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
