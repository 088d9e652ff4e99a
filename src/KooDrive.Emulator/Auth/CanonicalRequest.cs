using System.Security.Cryptography;
using System.Text;

namespace KooDrive.Emulator.Auth;

/// <summary>
/// The canonical request of KooDrive app signing (koodrive-api.md §1.2), rebuilt from what the server
/// received. Written for the emulator alone: it shares no code with the SDK's signer, so a bug in one
/// shows up as a mismatch instead of hiding in both.
/// </summary>
internal static class CanonicalRequest
{
    /// <summary>Builds the canonical request.</summary>
    /// <param name="method">The HTTP method as received.</param>
    /// <param name="rawTarget">The request target exactly as received (path and query, still percent-encoded).</param>
    /// <param name="signedHeaders">The signed headers, lower-case names in the order of the SignedHeaders list, with their received values.</param>
    /// <param name="body">The exact body bytes received (empty when there is no body).</param>
    public static string Build(string method, string rawTarget, IReadOnlyList<KeyValuePair<string, string>> signedHeaders, ReadOnlySpan<byte> body)
    {
        var (path, query) = SplitTarget(rawTarget);
        var builder = new StringBuilder(256);
        builder.Append(method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalUri(path)).Append('\n');
        builder.Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, value) in signedHeaders)
        {
            // Every entry, the last one included, ends in '\n'; the '\n' after the block leaves an empty line.
            builder.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        builder.Append('\n');
        builder.AppendJoin(';', signedHeaders.Select(h => h.Key)).Append('\n');
        builder.Append(HexSha256(body));
        return builder.ToString();
    }

    /// <summary>Path segments percent-decoded, dot segments removed, each segment RFC 3986-encoded, and a trailing '/'.</summary>
    public static string CanonicalUri(string rawPath)
    {
        var segments = new List<string>();
        var parts = rawPath.Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            var segment = Uri.UnescapeDataString(parts[i]);
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(Encode(segment));
        }

        var uri = "/" + string.Join('/', segments);
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    /// <summary>
    /// Parameters decoded, sorted by the decoded name and then the decoded value in character-code order (the
    /// UTF-8 bytes, which order as code points), re-encoded RFC 3986 style with upper-case %XY, and '=' kept
    /// for empty values (ERRATA D5).
    /// </summary>
    public static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (var part in rawQuery.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];

            // '+' is a literal plus in RFC 3986 (it means space only in HTML forms), so it is not decoded.
            pairs.Add((Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        // The docs sort "parameter names by character code": the names as sent, not their escaped form, in
        // which '%' (0x25) would jump ahead of letters and '~'.
        pairs.Sort((a, b) =>
        {
            var byName = CompareUtf8(a.Name, b.Name);
            return byName != 0 ? byName : CompareUtf8(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => Encode(p.Name) + "=" + Encode(p.Value)));
    }

    private static int CompareUtf8(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));

    /// <summary>RFC 3986: unreserved characters (A–Z a–z 0–9 - _ . ~) stay, every other UTF-8 byte becomes %XY.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static (string Path, string Query) SplitTarget(string rawTarget)
    {
        var target = rawTarget;
        if (!target.StartsWith('/') && Uri.TryCreate(target, UriKind.Absolute, out var absolute))
        {
            // Absolute-form request target (sent to a proxy): the path and query are what is signed.
            target = absolute.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (target, string.Empty) : (target[..question], target[(question + 1)..]);
    }
}
