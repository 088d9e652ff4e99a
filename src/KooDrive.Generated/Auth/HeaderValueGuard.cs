using System.Globalization;
using System.Net.Http.Headers;

namespace KooDrive.Generated.Auth;

/// <summary>
/// The one definition of a header value the SDK sends: printable ASCII (U+0020 to U+007E). Everything else
/// (CR, LF and other control characters, which would split or corrupt the header, and anything beyond ASCII,
/// which SocketsHttpHandler refuses only when sending, as an <see cref="HttpRequestException"/> the retry policy
/// would retry) is refused here, before any I/O. The narrower forms below are this rule plus one shape constraint.
/// </summary>
/// <remarks>
/// Messages name the header and the offending code point only: the value itself may be a secret (a token, a
/// signature, a lock ID), so it never appears in an exception.
/// </remarks>
internal static class HeaderValueGuard
{
    /// <summary>True for a character a header value may carry: printable ASCII, space included.</summary>
    public static bool IsValidChar(char c) => c is >= '\u0020' and <= '\u007E';

    /// <summary>True when every character of <paramref name="value"/> may be sent (an empty value may).</summary>
    public static bool IsValid(ReadOnlySpan<char> value) => !value.ContainsAnyExceptInRange('\u0020', '\u007E');

    /// <summary>A valid value without any space: tokens, IDs and credentials.</summary>
    public static bool IsToken(ReadOnlySpan<char> value) => value.Length > 0 && IsValid(value) && !value.Contains(' ');

    /// <summary>
    /// A valid, non-empty value without leading or trailing spaces: the form of every configured value
    /// (HTTP trims those spaces, which would change what the server reads).
    /// </summary>
    public static bool IsSetting(ReadOnlySpan<char> value) => value.Length > 0 && IsValid(value) && value[0] != ' ' && value[^1] != ' ';

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="headerName"/> when <paramref name="value"/> is not valid.</summary>
    public static void ThrowIfInvalid(string headerName, string value)
    {
        var index = value.AsSpan().IndexOfAnyExceptInRange('\u0020', '\u007E');
        if (index < 0)
        {
            return;
        }

        var c = value[index];
        var reason = c < '\u0020' || c == '\u007F'
            ? "contains the control character U+{1:X4}. Header values must not contain CR, LF or other control characters, which would split or corrupt the header"
            : "contains the non-ASCII character U+{1:X4}. Header values must be printable ASCII (U+0020 to U+007E), which is all HttpClient sends";
        throw new ArgumentException(
            string.Format(CultureInfo.InvariantCulture, "The value of the '{0}' header " + reason + "; the request was not sent.", headerName, (int)c),
            headerName);
    }

    /// <summary>Throws unless <paramref name="value"/> <see cref="IsSetting">is a setting</see>.</summary>
    public static void ThrowIfNotSetting(string headerName, string value)
    {
        ThrowIfInvalid(headerName, value);
        if (!IsSetting(value))
        {
            throw InvalidHeader(
                headerName,
                $"The value of the '{headerName}' header must be non-empty printable ASCII without leading or trailing spaces; the request was not sent.");
        }
    }

    /// <summary>An exception about the value of <paramref name="headerName"/>; <paramref name="reason"/> must not quote the value.</summary>
    public static ArgumentException InvalidHeader(string headerName, string reason) => new(reason, headerName);

    /// <summary>Throws for the first header of <paramref name="headers"/> with an invalid value.</summary>
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
}
