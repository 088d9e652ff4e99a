using System.Security.Cryptography;
using System.Text;

namespace KooDrive.Generated.Tests.Auth.Support;

/// <summary>
/// A deliberately separate, test-side implementation of the KooDrive app-signing rule, written from the
/// documentation with different building blocks (Uri.EscapeDataString, LINQ ordinal sorts) so that a bug in
/// the SDK's signer does not hide in its own verification. It covers the inputs the tests send: valid UTF-8,
/// no astral-plane query names.
/// </summary>
internal static class IndependentSigner
{
    public const string AppId = "testAppId";
    public const string AppSecret = "testAppSecret";

    public static string CanonicalRequest(string method, Uri uri, string host, string xDate, string userId, byte[]? body)
    {
        var segments = uri.AbsolutePath.Split('/').Select(s => Uri.EscapeDataString(Uri.UnescapeDataString(s)));
        var path = string.Join("/", segments);
        if (!path.EndsWith('/'))
        {
            path += "/";
        }

        var query = string.Join("&", uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Name: Uri.UnescapeDataString(parts[0]), Value: parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));

        var payloadHash = Convert.ToHexString(SHA256.HashData(body ?? [])).ToLowerInvariant();
        return $"{method.ToUpperInvariant()}\n{path}\n{query}\nhost:{host.Trim()}\nx-date:{xDate.Trim()}\nx-user-id:{userId.Trim()}\n\nhost;x-date;x-user-id\n{payloadHash}";
    }

    public static string Signature(string canonicalRequest, string appSecret = AppSecret)
    {
        var hashed = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))).ToLowerInvariant();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(appSecret));
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes("HMAC-SHA256\n" + hashed))).ToLowerInvariant();
    }

    public static string Authorization(string signature, string appId = AppId) =>
        $"HMAC-SHA256 AppId={appId},SignedHeaders=host;x-date;x-user-id,Signature={signature}";

    /// <summary>The Authorization a recorded request should carry; the host is what the server receives.</summary>
    public static string ExpectedAuthorization(RecordedRequest request, string appId = AppId, string appSecret = AppSecret)
    {
        var host = request.Header("Host") ?? request.Uri.Authority;
        var canonical = CanonicalRequest(
            request.Method,
            request.Uri,
            host,
            request.Header("X-Date") ?? throw new InvalidOperationException("no X-Date"),
            request.Header("X-User-Id") ?? throw new InvalidOperationException("no X-User-Id"),
            request.Body);
        return Authorization(Signature(canonical, appSecret), appId);
    }
}
