using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace KooDrive.Generated.Spec;

/// <summary>The string constraints of one schema in the spec: minLength, maxLength, pattern and enum.</summary>
internal sealed class StringRule
{
    // Patterns come from the spec, not from callers; the timeout only guards against a badly written one.
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex? _pattern;

    private StringRule(int? minLength, int? maxLength, string? pattern, IReadOnlyList<string>? allowed)
    {
        MinLength = minLength;
        MaxLength = maxLength;
        Pattern = pattern;
        Allowed = allowed;
        _pattern = pattern is null ? null : new Regex(WithEcmaEnd(pattern), RegexOptions.CultureInvariant, PatternTimeout);
    }

    public int? MinLength { get; }

    public int? MaxLength { get; }

    public string? Pattern { get; }

    public IReadOnlyList<string>? Allowed { get; }

    /// <summary>The rule of <paramref name="schema"/>, or null when it constrains nothing.</summary>
    public static StringRule? From(JObject? schema)
    {
        if (schema is null)
        {
            return null;
        }

        var minLength = (int?)schema["minLength"];
        var maxLength = (int?)schema["maxLength"];
        var pattern = (string?)schema["pattern"];
        var allowed = (schema["enum"] as JArray)?.Select(v => (string?)v).OfType<string>().ToArray();
        return minLength is null && maxLength is null && pattern is null && allowed is null
            ? null
            : new StringRule(minLength, maxLength, pattern, allowed);
    }

    /// <summary>
    /// The pattern with JSON Schema's (ECMA-262) meaning of <c>$</c>: the end of the value. In .NET <c>$</c> also
    /// matches before a final line feed, which would let <c>"lock\n"</c> pass <c>^[^\x00-\x1F\x7F]+$</c>.
    /// </summary>
    internal static string WithEcmaEnd(string pattern)
    {
        var result = new StringBuilder(pattern.Length + 4);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                result.Append(c).Append(pattern[++i]);
            }
            else if (inClass)
            {
                inClass = c != ']';
                result.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                result.Append(c);

                // A ']' straight after '[' or '[^' is a literal, not the end of the class.
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    result.Append(pattern[++i]);
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    result.Append(pattern[++i]);
                }
            }
            else if (c == '$')
            {
                result.Append(@"\z");
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>Every violation of this rule by <paramref name="value"/>, as (rule keyword, message) pairs.</summary>
    public IEnumerable<(string Rule, string Message)> Check(string value)
    {
        var tooShort = MinLength is { } min && value.Length < min;
        if (tooShort)
        {
            yield return ("minLength", MinLength == 1
                ? "must not be empty (spec: minLength 1)"
                : string.Create(CultureInfo.InvariantCulture, $"must be at least {MinLength} characters long (spec: minLength {MinLength})"));
        }

        if (MaxLength is { } max && value.Length > max)
        {
            yield return ("maxLength", string.Create(CultureInfo.InvariantCulture, $"must be at most {max} characters long (spec: maxLength {max})"));
        }

        // JSON Schema patterns are searches, not whole-string matches; the spec's patterns anchor themselves.
        // An empty value already reported as too short is not reported a second time for the pattern.
        if (_pattern is not null && !(tooShort && value.Length == 0) && !_pattern.IsMatch(value))
        {
            yield return ("pattern", $"must match the pattern '{Pattern}' (spec: pattern)");
        }

        if (Allowed is not null && !Allowed.Contains(value, StringComparer.Ordinal))
        {
            yield return ("enum", $"must be one of {string.Join(", ", Allowed)} (spec: enum)");
        }
    }
}
