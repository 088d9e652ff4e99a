using System.Security.Cryptography;
using System.Text;

namespace KooDrive.Generated.Auth;

/// <summary>
/// Builds the canonical request of KooDrive app-based authentication ("Step 1: Construct a Standard
/// Request" of the KooDrive API reference) and the string to sign derived from it. Pure functions, no I/O.
/// </summary>
/// <remarks>
/// <para>
/// <c>CanonicalRequest = Method + '\n' + CanonicalURI + '\n' + CanonicalQueryString + '\n' +
/// CanonicalHeaders + '\n' + SignedHeaders + '\n' + HexEncode(SHA256(payload))</c>.
/// </para>
/// <para>
/// Decisions where the documentation is silent or truncated: path segments and query names and values
/// are percent-decoded to bytes and re-encoded once (RFC 3986 unreserved characters kept, everything else
/// <c>%XY</c> upper-case), so a value already encoded on the wire is never double-encoded; <c>+</c> in a
/// query is a literal plus (RFC 3986), not a space; query parameters are sorted by name and then, for a
/// repeated name, by value, both in Unicode code point order of the decoded text (so <c>F…</c> sorts
/// before <c>b…</c>); header entries are sorted by lower-case name and their values trimmed of leading and
/// trailing spaces (values must be valid header values, <see cref="HeaderValueGuard"/>).
/// </para>
/// <para>
/// <see cref="Write"/> is the one implementation; it writes UTF-8 into a <see cref="Utf8Buffer"/>, so the
/// signer's hot path builds and hashes the canonical request without a string. The string-returning members
/// serve the signing vectors and diagnostics.
/// </para>
/// </remarks>
internal static class KooDriveCanonicalRequest
{
    /// <summary>The signing algorithm, the first line of the string to sign and the Authorization scheme.</summary>
    public const string Algorithm = "HMAC-SHA256";

    /// <summary>Lower-case hex SHA-256 of an empty payload (a request without a body).</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The length of a lower-case hex SHA-256: 64.</summary>
    public const int HashHexLength = SHA256.HashSizeInBytes * 2;

    /// <summary>The length of the string to sign: the algorithm, a line feed and a hex SHA-256.</summary>
    public const int StringToSignLength = 12 + HashHexLength;

    private const string HexUpper = "0123456789ABCDEF";

    [ThreadStatic]
    private static IncrementalHash? threadSha256;

    /// <summary>Builds the canonical request for any set of signed headers (must include <c>X-Date</c> and <c>X-User-Id</c>).</summary>
    public static string Create(
        string method,
        Uri requestUri,
        IEnumerable<KeyValuePair<string, string>> signedHeaders,
        ReadOnlySpan<byte> payload)
    {
        var headers = NormalizeHeaders(signedHeaders);
        Span<byte> payloadHash = stackalloc byte[HashHexLength];
        HashPayload(payload, payloadHash);
        var buffer = new Utf8Buffer(stackalloc byte[512]);
        try
        {
            Write(ref buffer, method, requestUri, headers, JoinSignedHeaders(headers), payloadHash);
            return Encoding.UTF8.GetString(buffer.Written);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>
    /// Writes the canonical request. <paramref name="normalizedHeaders"/> are lower-case and sorted by name;
    /// their values are trimmed here. <paramref name="payloadHash"/> is the lower-case hex SHA-256 of the body.
    /// </summary>
    public static void Write(
        ref Utf8Buffer buffer,
        string method,
        Uri requestUri,
        ReadOnlySpan<KeyValuePair<string, string>> normalizedHeaders,
        string signedHeaders,
        ReadOnlySpan<byte> payloadHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        if (!requestUri.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URI must be absolute: the canonical request is built from the path and query actually sent.", nameof(requestUri));
        }

        buffer.Append(method.ToUpperInvariant());
        buffer.Append('\n');
        WriteCanonicalUri(ref buffer, requestUri.AbsolutePath);
        buffer.Append('\n');
        var query = requestUri.Query;
        if (query.Length > 1)
        {
            buffer.Append(CanonicalizeQueryString(query));
        }

        buffer.Append('\n');
        foreach (var header in normalizedHeaders)
        {
            buffer.Append(header.Key);
            buffer.Append(':');
            buffer.Append(header.Value.AsSpan().Trim(' '));
            buffer.Append('\n');
        }

        buffer.Append('\n');
        buffer.Append(signedHeaders);
        buffer.Append('\n');
        buffer.Append(payloadHash);
    }

    /// <summary>Canonical URI: each path segment RFC 3986 encoded once, with a trailing <c>/</c>.</summary>
    public static string CanonicalizeUri(string absolutePath)
    {
        ArgumentNullException.ThrowIfNull(absolutePath);
        var buffer = new Utf8Buffer(stackalloc byte[256]);
        try
        {
            WriteCanonicalUri(ref buffer, absolutePath);
            return Encoding.UTF8.GetString(buffer.Written);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>
    /// Canonical query string: <c>name=value</c> pairs RFC 3986 encoded, sorted by name and then value in
    /// code point order, joined with <c>&amp;</c>; <c>=</c> kept for an empty value; empty when there is no query.
    /// </summary>
    public static string CanonicalizeQueryString(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.StartsWith('?') ? query[1..] : query;
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<(byte[] Name, byte[] Value)>();
        foreach (var part in text.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add((PercentEncoding.Decode(name), PercentEncoding.Decode(value)));
        }

        // UTF-8 byte order is Unicode code point order, which is what "sorted by character code" means.
        pairs.Sort(static (a, b) =>
        {
            var byName = a.Name.AsSpan().SequenceCompareTo(b.Name);
            return byName != 0 ? byName : a.Value.AsSpan().SequenceCompareTo(b.Value);
        });

        return string.Join('&', pairs.Select(p => PercentEncoding.Encode(p.Name) + "=" + PercentEncoding.Encode(p.Value)));
    }

    /// <summary>Lower-case hex SHA-256 of the payload bytes.</summary>
    public static string HashPayload(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    /// <summary>Writes the lower-case hex SHA-256 of <paramref name="payload"/> as ASCII into <paramref name="destination"/> (64 bytes).</summary>
    public static void HashPayload(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        // A hash object reused by the thread: the one-shot SHA256.HashData creates and frees a native
        // context per call, which costs more than hashing a small body.
        var sha256 = threadSha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        sha256.AppendData(payload);
        sha256.GetHashAndReset(hash);
        Convert.TryToHexStringLower(hash, destination, out _);
    }

    /// <summary>The string to sign: <c>HMAC-SHA256\n</c> + lower-case hex SHA-256 of the canonical request (UTF-8).</summary>
    public static string CreateStringToSign(string canonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        Span<byte> stringToSign = stackalloc byte[StringToSignLength];
        WriteStringToSign(Encoding.UTF8.GetBytes(canonicalRequest), stringToSign);
        return Encoding.ASCII.GetString(stringToSign);
    }

    /// <summary>Writes the string to sign of <paramref name="canonicalRequest"/> (UTF-8) into <paramref name="destination"/> (<see cref="StringToSignLength"/> bytes).</summary>
    public static void WriteStringToSign(ReadOnlySpan<byte> canonicalRequest, Span<byte> destination)
    {
        "HMAC-SHA256\n"u8.CopyTo(destination);
        HashPayload(canonicalRequest, destination[(Algorithm.Length + 1)..]);
    }

    internal static string JoinSignedHeaders(IReadOnlyList<KeyValuePair<string, string>> normalizedHeaders) =>
        string.Join(';', normalizedHeaders.Select(h => h.Key));

    /// <summary>Lower-cases names, checks names and values and sorts by name.</summary>
    internal static KeyValuePair<string, string>[] NormalizeHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var normalized = new List<KeyValuePair<string, string>>();
        foreach (var header in headers)
        {
            if (string.IsNullOrEmpty(header.Key) || !HeaderValueGuard.IsToken(header.Key) || header.Key.AsSpan().ContainsAny(':', ';'))
            {
                throw new ArgumentException("A signed header name must be a non-empty token of visible ASCII without ':' or ';'.", nameof(headers));
            }

            ArgumentNullException.ThrowIfNull(header.Value, nameof(headers));
            HeaderValueGuard.ThrowIfInvalid(header.Key, header.Value);
            var name = header.Key.ToLowerInvariant();
            if (normalized.Exists(h => h.Key == name))
            {
                throw new ArgumentException($"The header '{name}' is given more than once; each signed header is signed with exactly one value.", nameof(headers));
            }

            normalized.Add(new KeyValuePair<string, string>(name, header.Value));
        }

        foreach (var required in (ReadOnlySpan<string>)[KooDriveRequestSigner.XDate, KooDriveRequestSigner.XUserId])
        {
            if (!normalized.Exists(h => h.Key == required))
            {
                throw new ArgumentException($"The signed headers must include '{required}' (KooDrive app authentication requires X-Date and X-User-Id).", nameof(headers));
            }
        }

        normalized.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return [.. normalized];
    }

    /// <summary>
    /// Writes each path segment percent-decoded to bytes and re-encoded once, streaming: a raw <c>/</c>
    /// separates segments, an escaped one (<c>%2F</c>) stays inside its segment.
    /// </summary>
    private static void WriteCanonicalUri(ref Utf8Buffer buffer, string absolutePath)
    {
        if (absolutePath.Length == 0 || absolutePath[0] != '/')
        {
            buffer.Append('/');
        }

        Span<byte> utf8 = stackalloc byte[4];
        var last = absolutePath.Length == 0 ? '/' : '\0';
        for (var i = 0; i < absolutePath.Length; i++)
        {
            var c = absolutePath[i];
            if (c == '/')
            {
                buffer.Append('/');
                last = '/';
                continue;
            }

            last = '\0';
            if (c == '%' && i + 2 < absolutePath.Length && char.IsAsciiHexDigit(absolutePath[i + 1]) && char.IsAsciiHexDigit(absolutePath[i + 2]))
            {
                AppendEncoded(ref buffer, (byte)((PercentEncoding.HexValue(absolutePath[i + 1]) << 4) | PercentEncoding.HexValue(absolutePath[i + 2])));
                i += 2;
                continue;
            }

            if (c < 0x80)
            {
                AppendEncoded(ref buffer, (byte)c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < absolutePath.Length && char.IsLowSurrogate(absolutePath[i + 1]) ? 2 : 1;
            var written = Encoding.UTF8.GetBytes(absolutePath.AsSpan(i, length), utf8);
            foreach (var b in utf8[..written])
            {
                AppendEncoded(ref buffer, b);
            }

            i += length - 1;
        }

        if (last != '/')
        {
            buffer.Append('/');
        }
    }

    private static void AppendEncoded(ref Utf8Buffer buffer, byte b)
    {
        if (PercentEncoding.IsUnreserved(b))
        {
            buffer.Append(b);
            return;
        }

        buffer.Append('%');
        buffer.Append(HexUpper[b >> 4]);
        buffer.Append(HexUpper[b & 0xF]);
    }
}
