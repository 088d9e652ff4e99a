using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KooDrive.CodeGen;

/// <summary>
/// A spec pattern simple enough to check without a regex engine: <c>^</c>, then one alternative or a
/// non-capturing group of alternatives, each a sequence of literal characters and character classes with
/// quantifiers, each ending at <c>$</c>. Every quantified item must be followed by the end or by a literal
/// outside its class, so a greedy scan is the whole match and nothing ever backtracks. Anything else (lookaround,
/// nested groups, backtracking) stays a <see cref="Regex"/>: <see cref="TryParse"/> says no.
/// </summary>
/// <remarks>
/// A regex call costs a runner and an engine entry per value; a request with 100 scope paths paid that 200 times.
/// The generated check is a loop over the characters. <see cref="IsMatch"/> interprets the same program, so tests
/// can hold it against the regex it replaces.
/// </remarks>
public sealed class SimplePattern
{
    private readonly Item[][] _alternatives;

    private SimplePattern(Item[][] alternatives) => _alternatives = alternatives;

    /// <summary>The pattern as a simple program, or null when it needs a regex engine.</summary>
    public static SimplePattern? TryParse(string pattern)
    {
        if (!pattern.StartsWith('^'))
        {
            return null;
        }

        var body = pattern[1..];
        List<string> parts;
        if (body.StartsWith("(?:", StringComparison.Ordinal) && (body.EndsWith(')') || body.EndsWith(")$", StringComparison.Ordinal)))
        {
            // ^(?:A$|B$) or ^(?:A|B)$: every alternative must run to the end.
            var groupEndsTheValue = body.EndsWith(")$", StringComparison.Ordinal);
            var inner = body[3..(groupEndsTheValue ? ^2 : ^1)];
            if (inner.Contains('(', StringComparison.Ordinal))
            {
                return null;
            }

            parts = SplitTopLevel(inner).Select(p => groupEndsTheValue && !EndsWithAnchor(p) ? p + "$" : p).ToList();
        }
        else
        {
            parts = [body];
        }

        var alternatives = new List<Item[]>();
        foreach (var part in parts)
        {
            if (!EndsWithAnchor(part) || ParseSequence(part[..^1]) is not { } items || !IsDeterministic(items))
            {
                return null;
            }

            alternatives.Add(items);
        }

        return new SimplePattern([.. alternatives]);
    }

    /// <summary>Whether <paramref name="value"/> matches, by the same program the generated code runs.</summary>
    public bool IsMatch(string value) => _alternatives.Any(items => MatchSequence(items, value));

    /// <summary>A C# expression over the string <paramref name="value"/> that is true when it matches.</summary>
    public string ToCSharp(string value, string methodPrefix, List<string> methods)
    {
        var calls = new List<string>();
        for (var a = 0; a < _alternatives.Length; a++)
        {
            var name = $"{methodPrefix}_{a}";
            var body = new StringBuilder();
            body.Append($"private static bool {name}(global::System.ReadOnlySpan<char> s)\n{{\n    var i = 0;\n");
            for (var position = 0; position < _alternatives[a].Length; position++)
            {
                var item = _alternatives[a][position];
                var test = item.Set.ToCSharp("s[i]");
                if (item.Min == 1 && item.Max == 1)
                {
                    body.Append($"    if (i >= s.Length || !({test})) return false;\n    i++;\n");
                }
                else
                {
                    // The run of members: a vectorized search for the first character outside the set.
                    var search = item.Set.SearchFor("rest", $"{methodPrefix}_{a}_{position}", methods);
                    body.Append($"    {{\n        var rest = s[i..];\n        var k = {search};\n        var n = k < 0 ? rest.Length : k;\n");
                    if (item.Max != int.MaxValue)
                    {
                        body.Append($"        if (n > {item.Max.ToString(CultureInfo.InvariantCulture)}) n = {item.Max.ToString(CultureInfo.InvariantCulture)};\n");
                    }

                    if (item.Min > 0)
                    {
                        body.Append($"        if (n < {item.Min.ToString(CultureInfo.InvariantCulture)}) return false;\n");
                    }

                    body.Append("        i += n;\n    }\n");
                }
            }

            body.Append("    return i == s.Length;\n}\n");
            methods.Add(body.ToString());
            calls.Add($"{name}({value})");
        }

        return string.Join(" || ", calls);
    }

    private static bool MatchSequence(Item[] items, string value)
    {
        var i = 0;
        foreach (var item in items)
        {
            var n = 0;
            while (n < item.Max && i < value.Length && item.Set.Contains(value[i]))
            {
                i++;
                n++;
            }

            if (n < item.Min)
            {
                return false;
            }
        }

        return i == value.Length;
    }

    // Greedy is exact when what follows a repeated item can never be eaten by it.
    private static bool IsDeterministic(Item[] items)
    {
        for (var k = 0; k < items.Length; k++)
        {
            if (items[k].Min == items[k].Max && items[k].Min == 1)
            {
                continue;
            }

            if (!items[k].Set.IsSearchable)
            {
                return false;
            }

            if (k + 1 < items.Length && (items[k + 1].Set.Literal is not { } next || items[k].Set.Contains(next)))
            {
                return false;
            }
        }

        return true;
    }

    // A final '$' that is the end anchor: preceded by an even number of backslashes, so not an escaped dollar.
    private static bool EndsWithAnchor(string text)
    {
        if (!text.EndsWith('$'))
        {
            return false;
        }

        var backslashes = 0;
        for (var i = text.Length - 2; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 0;
    }

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var start = 0;
        var inClass = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '[')
            {
                inClass = true;
            }
            else if (text[i] == ']')
            {
                inClass = false;
            }
            else if (text[i] == '|' && !inClass)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static Item[]? ParseSequence(string text)
    {
        var items = new List<Item>();
        var i = 0;
        while (i < text.Length)
        {
            CharSet? set;
            if (text[i] == '[')
            {
                var end = ClassEnd(text, i);
                if (end < 0)
                {
                    return null;
                }

                set = CharSet.FromClass(text[(i + 1)..end]);
                i = end + 1;
            }
            else if (text[i] == '\\')
            {
                if (i + 1 >= text.Length || Escape(text, ref i) is not { } c)
                {
                    return null;
                }

                set = CharSet.Single(c);
            }
            else if ("()|.*+?{}^$".Contains(text[i], StringComparison.Ordinal))
            {
                return null;
            }
            else
            {
                set = CharSet.Single(text[i++]);
            }

            if (set is null)
            {
                return null;
            }

            var (min, max) = (1, 1);
            if (i < text.Length)
            {
                switch (text[i])
                {
                    case '*': (min, max) = (0, int.MaxValue); i++; break;
                    case '+': (min, max) = (1, int.MaxValue); i++; break;
                    case '?': (min, max) = (0, 1); i++; break;
                    case '{':
                        var close = text.IndexOf('}', i);
                        var range = close < 0 ? null : text[(i + 1)..close].Split(',');
                        if (range is null || range.Length > 2 || !int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out min))
                        {
                            return null;
                        }

                        max = range.Length == 1 ? min : range[1].Length == 0 ? int.MaxValue : int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : -1;
                        if (max < min)
                        {
                            return null;
                        }

                        i = close + 1;
                        break;
                }
            }

            if (i < text.Length && (text[i] is '?' or '+'))
            {
                return null; // lazy or possessive quantifiers
            }

            items.Add(new Item(set, min, max));
        }

        return [.. items];
    }

    private static int ClassEnd(string text, int open)
    {
        var i = open + 1;
        if (i < text.Length && text[i] == '^')
        {
            i++;
        }

        if (i < text.Length && text[i] == ']')
        {
            i++;
        }

        for (; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }

    // Only escapes whose meaning is one character; \s, \d, \w and the rest make the pattern not simple.
    internal static char? Escape(string text, ref int i)
    {
        var c = text[i + 1];
        if (c == 'x' && i + 3 < text.Length && int.TryParse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
        {
            i += 4;
            return (char)code;
        }

        if ("\\/.-[]{}()*+?^$|".Contains(c, StringComparison.Ordinal))
        {
            i += 2;
            return c;
        }

        return null;
    }

    private sealed record Item(CharSet Set, int Min, int Max);

    /// <summary>A set of characters: ranges, possibly negated.</summary>
    private sealed class CharSet
    {
        private readonly (char From, char To)[] _ranges;
        private readonly bool _negated;

        private CharSet((char, char)[] ranges, bool negated)
        {
            _ranges = ranges;
            _negated = negated;
        }

        public char? Literal => !_negated && _ranges is [var (from, to)] && from == to ? from : null;

        public static CharSet Single(char c) => new([(c, c)], negated: false);

        public static CharSet? FromClass(string inner)
        {
            var negated = inner.StartsWith('^');
            var text = negated ? inner[1..] : inner;
            var ranges = new List<(char, char)>();
            var i = 0;
            while (i < text.Length)
            {
                if (!TryChar(text, ref i, out var from))
                {
                    return null;
                }

                if (i + 1 < text.Length && text[i] == '-' && text[i + 1] != ']')
                {
                    i++;
                    if (!TryChar(text, ref i, out var to) || to < from)
                    {
                        return null;
                    }

                    ranges.Add((from, to));
                }
                else
                {
                    ranges.Add((from, from));
                }
            }

            return ranges.Count == 0 ? null : new CharSet([.. ranges], negated);
        }

        public bool Contains(char c) => _ranges.Any(r => c >= r.From && c <= r.To) != _negated;

        /// <summary>
        /// A C# expression: the index of the first character of <paramref name="span"/> outside this set, or -1.
        /// A negated set searches for its few excluded characters; a set of at most 256 characters searches with a
        /// <see cref="System.Buffers.SearchValues{T}"/> declared in <paramref name="declarations"/>.
        /// </summary>
        public string SearchFor(string span, string name, List<string> declarations)
        {
            var members = _ranges.Sum(r => r.To - r.From + 1);
            if (_negated && members <= 5)
            {
                var excluded = string.Concat(_ranges.SelectMany(r => Enumerable.Range(r.From, r.To - r.From + 1)).Select(c => $"\\u{c:X4}"));
                return $"{span}.IndexOfAny(\"{excluded}\")";
            }

            if (!_negated && members <= 256)
            {
                var included = string.Concat(_ranges.SelectMany(r => Enumerable.Range(r.From, r.To - r.From + 1)).Select(c => $"\\u{c:X4}"));
                declarations.Add($"private static readonly global::System.Buffers.SearchValues<char> {name} = global::System.Buffers.SearchValues.Create(\"{included}\");\n");
                return $"{span}.IndexOfAnyExcept({name})";
            }

            throw new InvalidOperationException("No vectorized search for this set.");
        }

        /// <summary>Whether <see cref="SearchFor"/> can search this set.</summary>
        public bool IsSearchable => _ranges.Sum(r => r.To - r.From + 1) is var members && (_negated ? members <= 5 : members <= 256);

        public string ToCSharp(string c)
        {
            var any = string.Join(" || ", _ranges.Select(r => r.From == r.To ? $"{c} == {Lit(r.From)}" : $"({c} >= {Lit(r.From)} && {c} <= {Lit(r.To)})"));
            return _negated ? $"!({any})" : any;
        }

        private static bool TryChar(string text, ref int i, out char c)
        {
            if (text[i] == '\\')
            {
                if (i + 1 >= text.Length || Escape(text, ref i) is not { } escaped)
                {
                    c = default;
                    return false;
                }

                c = escaped;
                return true;
            }

            c = text[i++];
            return true;
        }

        private static string Lit(char c) => $"'\\u{((int)c).ToString("X4", CultureInfo.InvariantCulture)}'";
    }
}
