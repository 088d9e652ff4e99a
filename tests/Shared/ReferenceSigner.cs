using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KooDrive.Testing;

/// <summary>
/// The tests' own implementation of the KooDrive app-signing rule (koodrive-api.md §1), written from the
/// documentation with other building blocks (<see cref="Uri.EscapeDataString"/>, LINQ sorts) than both the
/// SDK's signer and the emulator's verifier, so a bug in either shows up as a mismatch instead of hiding in
/// its own check. It is itself checked against the reference vectors. It covers what the tests send:
/// percent-encodings of valid UTF-8.
/// </summary>
internal static class ReferenceSigner
{
    public const string SignedHeaders = "host;x-date;x-user-id";

    /// <summary>The canonical request over the signed headers host, x-date and x-user-id; a null body is an empty one.</summary>
    public static string CanonicalRequest(string method, Uri uri, string host, string xDate, string userId, byte[]? body)
    {
        var segments = uri.AbsolutePath.Split('/').Select(s => Uri.EscapeDataString(Uri.UnescapeDataString(s)));
        var path = string.Join("/", segments);
        if (!path.EndsWith('/'))
        {
            path += "/";
        }

        // Sorted by name, then (for a repeated name) by value, in character-code order of the decoded text:
        // a name is sorted as a whole, so "a" comes before "a-b" whatever '=' would do to a "name=value" sort.
        var query = string.Join("&", uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Name: Uri.UnescapeDataString(parts[0]), Value: parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty))
            .OrderBy(p => p.Name, CodePointOrder.Instance)
            .ThenBy(p => p.Value, CodePointOrder.Instance)
            .Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));

        return method.ToUpperInvariant() + "\n" + path + "\n" + query + "\n"
            + "host:" + host.Trim() + "\n" + "x-date:" + xDate.Trim() + "\n" + "x-user-id:" + userId.Trim() + "\n\n"
            + SignedHeaders + "\n" + Hex(SHA256.HashData(body ?? []));
    }

    /// <summary>HexEncode(HMAC-SHA256(AppSecret, "HMAC-SHA256\n" + HexEncode(SHA256(canonical request)))), UTF-8 throughout.</summary>
    public static string Signature(string appSecret, string canonicalRequest)
    {
        var stringToSign = "HMAC-SHA256\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        return Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string Authorization(string appId, string appSecret, string canonicalRequest) =>
        $"HMAC-SHA256 AppId={appId},SignedHeaders={SignedHeaders},Signature={Signature(appSecret, canonicalRequest)}";

    public static string XDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>Unicode code point order ("character code"), which UTF-16 ordinal order breaks for characters outside the BMP.</summary>
    private sealed class CodePointOrder : IComparer<string>
    {
        public static readonly CodePointOrder Instance = new();

        public int Compare(string? x, string? y) => CodePoints(x).AsSpan().SequenceCompareTo(CodePoints(y));

        private static int[] CodePoints(string? text) => [.. (text ?? string.Empty).EnumerateRunes().Select(r => r.Value)];
    }
}
