using System.Text;

namespace KooDrive.CodeGen;

/// <summary>Spec patterns in .NET syntax with JSON Schema's meaning.</summary>
public static class EcmaPattern
{
    /// <summary>
    /// The pattern with JSON Schema's (ECMA-262) meaning of <c>$</c>: the end of the value. In .NET <c>$</c> also
    /// matches before a final line feed, which would let <c>"lock\n"</c> pass <c>^[^\x00-\x1F\x7F]+$</c>.
    /// </summary>
    public static string ForDotNet(string pattern)
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
}
