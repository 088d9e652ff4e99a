namespace KooDrive.ApiSurface.Surface;

/// <summary>
/// One listing line taken apart: <c>Qualified.Name(parameters): [attributes] signature</c>. Only what the
/// change classifier needs is parsed; the text itself stays the identity of the member.
/// </summary>
public sealed class SurfaceLine
{
    private static readonly string[] TypeKinds = ["class", "struct", "interface", "enum", "delegate"];

    private SurfaceLine(string text, string name, string path, string? parameters, string parent, IReadOnlyList<string> attributes, string signature)
    {
        Text = text;
        Name = name;
        Path = path;
        Parameters = parameters;
        Parent = parent;
        Attributes = attributes;
        Signature = signature;
    }

    /// <summary>The whole line.</summary>
    public string Text { get; }

    /// <summary>The part before the declaration: the qualified name with its parameter list, if any.</summary>
    public string Name { get; }

    /// <summary>The qualified name without parameters: the same for every overload of a method.</summary>
    public string Path { get; }

    /// <summary>The text between the parentheses, or <see langword="null"/> for a type, property or field.</summary>
    public string? Parameters { get; }

    /// <summary>The qualified name of the containing type (or namespace, for a top-level type).</summary>
    public string Parent { get; }

    /// <summary>The attributes, each with its brackets, in listing order.</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>The declaration without attributes: modifiers, type, accessors, value.</summary>
    public string Signature { get; }

    /// <summary>Whether the line declares a type (not a member).</summary>
    public bool IsType => TypeKinds.Any(HasModifier);

    /// <summary>Whether the line declares an interface.</summary>
    public bool IsInterface => HasModifier("interface");

    /// <summary>Whether the line declares an enum.</summary>
    public bool IsEnum => HasModifier("enum");

    /// <summary>Whether the member is abstract (interface members are listed without the word).</summary>
    public bool IsAbstract => !IsType && HasModifier("abstract");

    /// <summary>
    /// Whether a caller must supply the member: the C# <c>required</c> modifier, a JSON property that must be
    /// present (<c>Required.Always</c> or <c>Required.DisallowNull</c>), or a <c>[Required]</c> validation.
    /// </summary>
    public bool IsRequired => HasModifier("required")
        || Attributes.Any(a => a.Contains("Required = Newtonsoft.Json.Required.Always", StringComparison.Ordinal)
            || a.Contains("Required = Newtonsoft.Json.Required.DisallowNull", StringComparison.Ordinal)
            || AttributeName(a) == "System.ComponentModel.DataAnnotations.Required");

    /// <summary>The JSON name from <c>[JsonProperty("name", ...)]</c>, if any.</summary>
    public string? JsonName => Attributes
        .Where(a => AttributeName(a) == "Newtonsoft.Json.JsonProperty")
        .Select(a => a.Split('"') is { Length: > 2 } parts ? parts[1] : null)
        .FirstOrDefault();

    /// <summary>Parses one listing line.</summary>
    /// <param name="text">The line.</param>
    /// <returns>The parsed line.</returns>
    /// <exception cref="FormatException">The line has no <c>": "</c> separating name and declaration.</exception>
    public static SurfaceLine Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = NameEnd(text);
        if (separator < 0)
        {
            throw new FormatException($"Not a surface listing line (no ': ' after the name): {text}");
        }

        var name = text[..separator];
        var declaration = text[(separator + 2)..];
        var open = OperatorTokenEnd(name) is var op and > 0 ? op : IndexAtDepth(name, '(');
        var path = open < 0 ? name : name[..open];
        string? parameters = open < 0 ? null : name[(open + 1)..^1];

        // "Type.explicit operator T(...)": the member part may contain spaces and dots of its own.
        var space = IndexAtDepth(path, ' ');
        var qualified = space < 0 ? path : path[..space];
        var lastDot = LastIndexAtDepth(qualified, '.');
        var parent = lastDot < 0 ? string.Empty : qualified[..lastDot];

        var attributes = new List<string>();
        var rest = declaration;
        while (rest.StartsWith('['))
        {
            var end = ClosingBracket(rest);
            attributes.Add(rest[..(end + 1)]);
            rest = rest[(end + 1)..].TrimStart();
        }

        return new SurfaceLine(text, name, path, parameters, parent, attributes, rest);
    }

    /// <summary>The attribute's type name, without brackets and arguments: <c>[Obsolete("x")]</c> gives <c>Obsolete</c>.</summary>
    /// <param name="attribute">An attribute as listed.</param>
    /// <returns>The name.</returns>
    public static string AttributeName(string attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var inner = attribute.TrimStart('[').TrimEnd(']');
        var open = inner.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? inner : inner[..open];
    }

    /// <summary>The parameters one by one (generic arguments and default values keep their commas).</summary>
    /// <returns>The parameters; empty for none or for a non-method.</returns>
    public IReadOnlyList<string> ParameterList() =>
        string.IsNullOrWhiteSpace(Parameters) ? [] : SplitAtDepth(Parameters, ',').Select(p => p.Trim()).ToList();

    /// <inheritdoc />
    public override string ToString() => Text;

    // A modifier or kind word, before the ':' of a base list, the '=' of a value or the accessors.
    private bool HasModifier(string word)
    {
        var end = Signature.IndexOfAny([':', '=', '{', '(']);
        return (end < 0 ? Signature : Signature[..end]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(word, StringComparer.Ordinal);
    }

    // "Type.operator <(...)": the operator's own token may be '<' or '>', which is not a bracket; scanning
    // for the name's end starts after it.
    private static int OperatorTokenEnd(string text)
    {
        var at = text.IndexOf(".operator ", StringComparison.Ordinal);
        return at < 0 ? 0 : text.IndexOf('(', at);
    }

    // The ": " that ends the name: the first one outside parentheses, brackets, angle brackets and quotes.
    private static int NameEnd(string text) =>
        TopLevel(text, Math.Max(OperatorTokenEnd(text), 0)).Where(i => text[i] == ':' && i + 1 < text.Length && text[i + 1] == ' ').DefaultIfEmpty(-1).First();

    // The positions of the characters outside quotes, parentheses, brackets and angle brackets.
    private static IEnumerable<int> TopLevel(string text, int start = 0)
    {
        var depth = 0;
        var quoted = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                quoted = !(c == '"' && text[i - 1] != '\\');
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is '(' or '[' or '<')
            {
                depth++;
            }
            else if (c is ')' or ']' or '>')
            {
                depth--;
            }
            else if (depth == 0)
            {
                yield return i;
            }
        }
    }

    private static int IndexAtDepth(string text, char wanted)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == wanted && depth == 0)
            {
                return i;
            }

            depth += c switch { '<' or '[' => 1, '>' or ']' => -1, _ => 0 };
        }

        return -1;
    }

    private static int LastIndexAtDepth(string text, char wanted)
    {
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c == wanted && depth == 0)
            {
                return i;
            }

            depth += c switch { '>' or ']' => 1, '<' or '[' => -1, _ => 0 };
        }

        return -1;
    }

    private static int ClosingBracket(string text)
    {
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                quoted = !(c == '"' && text[i - 1] != '\\');
                continue;
            }

            if (c == '"')
            {
                quoted = true;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"Unbalanced attribute brackets in: {text}");
    }

    private static List<string> SplitAtDepth(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        foreach (var i in TopLevel(text).Where(i => text[i] == separator))
        {
            parts.Add(text[start..i]);
            start = i + 1;
        }

        parts.Add(text[start..]);
        return parts;
    }
}
