using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KooDrive.Emulator.Tests.Support;

/// <summary>
/// A deliberately separate app signer for the tests, built on <see cref="Uri.EscapeDataString"/> rather than
/// the emulator's encoder, so the two implementations check each other (and both are checked against
/// the reference vectors).
/// </summary>
internal static class TestSigner
{
    public const string SignedHeaders = "host;x-date;x-user-id";

    public static string CanonicalRequest(string method, Uri uri, string host, string xDate, string userId, byte[] body)
    {
        var segments = uri.AbsolutePath.Split('/').Select(s => Uri.EscapeDataString(Uri.UnescapeDataString(s)));
        var path = string.Join("/", segments);
        if (!path.EndsWith('/'))
        {
            path += "/";
        }

        var query = string.Join("&", uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => Uri.EscapeDataString(Uri.UnescapeDataString(p[0])) + "=" + (p.Length > 1 ? Uri.EscapeDataString(Uri.UnescapeDataString(p[1])) : string.Empty))
            .OrderBy(p => p, StringComparer.Ordinal));

        return method.ToUpperInvariant() + "\n" + path + "\n" + query + "\n"
            + "host:" + host + "\n" + "x-date:" + xDate + "\n" + "x-user-id:" + userId + "\n\n"
            + SignedHeaders + "\n" + Hex(SHA256.HashData(body));
    }

    public static string Signature(string appSecret, string canonicalRequest)
    {
        var stringToSign = "HMAC-SHA256\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        return Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string Authorization(string appId, string appSecret, string canonicalRequest) =>
        $"HMAC-SHA256 AppId={appId},SignedHeaders={SignedHeaders},Signature={Signature(appSecret, canonicalRequest)}";

    public static string XDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
