using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Turns the text of a JSON string or number into the decimal digits of a KooDrive ID, exactly, by string
/// arithmetic: no value ever passes through <see cref="double"/> or <see cref="decimal"/>.
/// </summary>
internal static class IdText
{
    /// <summary>Base64 of "UnSafeInteger", which the doc renderer appends to IDs it rounded through a double.</summary>
    public const string UnsafeIntegerMarker = "VW5TYWZlSW50ZWdlcg==";

    /// <summary>An exponent may add zeros; this bounds what a hostile exponent can make the reader allocate.</summary>
    public const int MaxExpandedDigits = 1000;

    /// <summary>Whether <paramref name="text"/> is one or more ASCII decimal digits.</summary>
    public static bool IsDigits([NotNullWhen(true)] string? text)
    {
        // Vectorized: every ID of a call is checked here, on the way out and on the way back.
        return !string.IsNullOrEmpty(text) && !text.AsSpan().ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>Whether <paramref name="text"/> carries the doc renderer's unsafe-integer marker.</summary>
    public static bool HasUnsafeIntegerMarker(string text) => text.EndsWith(UnsafeIntegerMarker, StringComparison.Ordinal);

    /// <summary>The problem with a value that carries the unsafe-integer marker.</summary>
    public static string UnsafeIntegerProblem =>
        $"carries the doc renderer's unsafe-integer marker '{UnsafeIntegerMarker}' (base64 of 'UnSafeInteger'): its digits were rounded through a double and cannot be trusted";

    /// <summary>
    /// The ID's digits: digits as written are kept exactly (leading zeros too); an integral decimal or exponent
    /// form (<c>1.842846715527366528E18</c>, <c>1842846715527366528.0</c>) becomes its canonical digits.
    /// </summary>
    public static bool TryNormalize(string text, [NotNullWhen(true)] out string? digits, [NotNullWhen(false)] out string? problem)
    {
        digits = null;
        problem = null;
        if (HasUnsafeIntegerMarker(text))
        {
            problem = UnsafeIntegerProblem;
            return false;
        }

        if (IsDigits(text))
        {
            digits = text;
            return true;
        }

        if (text.StartsWith('-'))
        {
            problem = "is negative; a KooDrive ID is an unsigned whole number";
            return false;
        }

        if (!TrySplitNumber(text, out var integral, out var fraction, out var exponentNegative, out var exponentDigits))
        {
            problem = "is not a KooDrive ID: expected decimal digits (a JSON string of digits or a JSON integer)";
            return false;
        }

        var mantissa = (integral + fraction).TrimStart('0');
        if (mantissa.Length == 0)
        {
            digits = "0";
            return true;
        }

        // A nine-digit exponent already shifts far past MaxExpandedDigits either way.
        var exponentText = exponentDigits.TrimStart('0');
        if (exponentText.Length > 9)
        {
            problem = exponentNegative ? "is a fractional number; an ID must be a whole number" : TooLong;
            return false;
        }

        var exponent = exponentText.Length == 0 ? 0 : long.Parse(exponentText, NumberStyles.None, CultureInfo.InvariantCulture);
        var shift = (exponentNegative ? -exponent : exponent) - fraction.Length;
        if (shift >= 0)
        {
            if (mantissa.Length + shift > MaxExpandedDigits)
            {
                problem = TooLong;
                return false;
            }

            digits = mantissa + new string('0', (int)shift);
            return CheckExactInDouble(digits, out problem) || Fail(out digits);
        }

        var dropped = -shift;
        if (dropped >= mantissa.Length || mantissa.AsSpan(mantissa.Length - (int)dropped).ContainsAnyExcept('0'))
        {
            problem = "is a fractional number; an ID must be a whole number";
            return false;
        }

        digits = mantissa[..^(int)dropped];
        return CheckExactInDouble(digits, out problem) || Fail(out digits);
    }

    /// <summary>2^53: every whole number up to it is exact in a double, so any form of it can be trusted.</summary>
    private const string LargestExactInDouble = "9007199254740992";

    /// <summary>
    /// A decimal or exponent form is how a floating-point formatter prints a number (Java prints the double nearest
    /// to 1842846715527366528 as 1.8428467155273665E18). Above 2^53 such a value has passed through a double and its
    /// digits cannot be trusted, like the docs' marker; only digits as written can be.
    /// </summary>
    private static bool CheckExactInDouble(string digits, [NotNullWhen(false)] out string? problem)
    {
        var above = digits.Length > LargestExactInDouble.Length
            || (digits.Length == LargestExactInDouble.Length && string.CompareOrdinal(digits, LargestExactInDouble) > 0);
        problem = above
            ? "is written in decimal or exponent form above 2^53, the way a floating-point number is printed: its digits were rounded through a double and cannot be trusted (send IDs as JSON strings or integers)"
            : null;
        return !above;
    }

    private static bool Fail(out string? digits)
    {
        digits = null;
        return false;
    }

    private static string TooLong => string.Create(CultureInfo.InvariantCulture, $"expands to more than {MaxExpandedDigits} digits, which is no KooDrive ID");

    // JSON number grammar without the sign: int [ '.' digits ] [ ('e'|'E') ['+'|'-'] digits ].
    private static bool TrySplitNumber(string text, out string integral, out string fraction, out bool exponentNegative, out string exponentDigits)
    {
        integral = fraction = exponentDigits = string.Empty;
        exponentNegative = false;
        var i = 0;
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == start)
        {
            return false;
        }

        integral = text[start..i];
        if (i < text.Length && text[i] == '.')
        {
            start = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            fraction = text[start..i];
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                exponentNegative = text[i] == '-';
                i++;
            }

            start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            exponentDigits = text[start..i];
        }

        return i == text.Length;
    }
}
