using System.Text;

namespace KooDrive.Generated.Auth;

/// <summary>RFC 3986 percent-encoding at the byte level, as the signing rule requires.</summary>
/// <remarks>
/// Working on bytes rather than strings keeps canonicalisation exact for any input: a segment that is
/// already percent-encoded on the wire is decoded to its bytes and re-encoded once (never double-encoded),
/// and a malformed escape such as <c>%zz</c> is treated as the literal byte <c>%</c>.
/// </remarks>
internal static class PercentEncoding
{
    private const string HexUpper = "0123456789ABCDEF";

    public static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z'
        or >= (byte)'a' and <= (byte)'z'
        or >= (byte)'0' and <= (byte)'9'
        or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    /// <summary>Decodes <c>%XY</c> escapes to bytes; every other character contributes its UTF-8 bytes.</summary>
    public static byte[] Decode(string value)
    {
        if (value.Length == 0)
        {
            return [];
        }

        var bytes = new List<byte>(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add((byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2])));
                i += 2;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var written = Encoding.UTF8.GetBytes(value.AsSpan(i, 2), utf8);
                AddRange(bytes, utf8[..written]);
                i++;
                continue;
            }

            var count = Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
            AddRange(bytes, utf8[..count]);
        }

        return [.. bytes];
    }

    /// <summary>Keeps the unreserved characters and writes every other byte as upper-case <c>%XY</c>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private static void AddRange(List<byte> target, ReadOnlySpan<byte> source)
    {
        foreach (var b in source)
        {
            target.Add(b);
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    public static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };
}
