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
/// trailing spaces (control characters, tabs included, are rejected).
/// </para>
/// </remarks>
public static class KooDriveCanonicalRequest
{
    /// <summary>The signing algorithm, the first line of the string to sign and the Authorization scheme.</summary>
    public const string Algorithm = "HMAC-SHA256";

    /// <summary>Lower-case hex SHA-256 of an empty payload (a request without a body).</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Builds the canonical request.</summary>
    /// <param name="method">The HTTP method; written in upper case.</param>
    /// <param name="requestUri">The absolute request URI exactly as it is sent (its escaped path and query are canonicalised).</param>
    /// <param name="signedHeaders">The headers to sign with the values sent; must include <c>X-Date</c> and <c>X-User-Id</c>.</param>
    /// <param name="payload">The exact body bytes sent (empty for no body).</param>
    /// <returns>The canonical request text, lines separated by <c>\n</c>.</returns>
    /// <exception cref="ArgumentException">The URI is not absolute, or a header is missing, repeated or invalid.</exception>
    public static string Create(
        string method,
        Uri requestUri,
        IEnumerable<KeyValuePair<string, string>> signedHeaders,
        ReadOnlySpan<byte> payload) =>
        CreateCore(method, requestUri, NormalizeHeaders(signedHeaders), HashPayload(payload));

    /// <summary>Canonical URI: each path segment RFC 3986 encoded once, with a trailing <c>/</c>.</summary>
    /// <param name="absolutePath">The path as sent on the wire, e.g. <see cref="Uri.AbsolutePath"/>.</param>
    /// <returns>The canonical URI, e.g. <c>/koodrive/ose/v1/backup/record/</c>.</returns>
    public static string CanonicalizeUri(string absolutePath)
    {
        ArgumentNullException.ThrowIfNull(absolutePath);
        if (absolutePath.Length == 0)
        {
            return "/";
        }

        var segments = absolutePath.Split('/');
        var builder = new StringBuilder(absolutePath.Length + 16);
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            builder.Append(PercentEncoding.Encode(PercentEncoding.Decode(segments[i])));
        }

        if (builder.Length == 0 || builder[^1] != '/')
        {
            builder.Append('/');
        }

        if (builder[0] != '/')
        {
            builder.Insert(0, '/');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Canonical query string: <c>name=value</c> pairs RFC 3986 encoded, sorted by name and then value in
    /// code point order, joined with <c>&amp;</c>; <c>=</c> kept for an empty value; empty when there is no query.
    /// </summary>
    /// <param name="query">The query as sent, with or without the leading <c>?</c> (e.g. <see cref="Uri.Query"/>).</param>
    /// <returns>The canonical query string.</returns>
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
    /// <param name="payload">The exact body bytes sent.</param>
    /// <returns>64 lower-case hex digits; <see cref="EmptyPayloadHash"/> for an empty payload.</returns>
    public static string HashPayload(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    /// <summary>The string to sign: <c>HMAC-SHA256\n</c> + lower-case hex SHA-256 of the canonical request (UTF-8).</summary>
    /// <param name="canonicalRequest">The canonical request from <see cref="Create"/>.</param>
    /// <returns>The string to sign.</returns>
    public static string CreateStringToSign(string canonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        return Algorithm + "\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
    }

    internal static string CreateCore(string method, Uri requestUri, IReadOnlyList<KeyValuePair<string, string>> normalizedHeaders, string payloadHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        if (!requestUri.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URI must be absolute: the canonical request is built from the path and query actually sent.", nameof(requestUri));
        }

        var builder = new StringBuilder(256);
        builder.Append(method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalizeUri(requestUri.AbsolutePath)).Append('\n');
        builder.Append(CanonicalizeQueryString(requestUri.Query)).Append('\n');
        foreach (var header in normalizedHeaders)
        {
            builder.Append(header.Key).Append(':').Append(header.Value).Append('\n');
        }

        builder.Append('\n');
        builder.Append(JoinSignedHeaders(normalizedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    internal static string JoinSignedHeaders(IReadOnlyList<KeyValuePair<string, string>> normalizedHeaders) =>
        string.Join(';', normalizedHeaders.Select(h => h.Key));

    /// <summary>Lower-cases names, trims values, checks them and sorts by name.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> NormalizeHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var normalized = new List<KeyValuePair<string, string>>();
        foreach (var header in headers)
        {
            if (string.IsNullOrEmpty(header.Key) || !HeaderValueGuard.IsPrintableAscii(header.Key, allowSpaces: false) || header.Key.Contains(':', StringComparison.Ordinal) || header.Key.Contains(';', StringComparison.Ordinal))
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

            normalized.Add(new KeyValuePair<string, string>(name, header.Value.Trim(' ')));
        }

        foreach (var required in (ReadOnlySpan<string>)["x-date", "x-user-id"])
        {
            if (!normalized.Exists(h => h.Key == required))
            {
                throw new ArgumentException($"The signed headers must include '{required}' (KooDrive app authentication requires X-Date and X-User-Id).", nameof(headers));
            }
        }

        normalized.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return normalized;
    }
}
