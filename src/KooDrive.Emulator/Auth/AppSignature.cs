using System.Security.Cryptography;
using System.Text;

namespace KooDrive.Emulator.Auth;

/// <summary>Steps 2 and 3 of app signing: the string to sign and its HMAC-SHA256 (koodrive-api.md §1.3–1.4).</summary>
internal static class AppSignature
{
    public const string Algorithm = "HMAC-SHA256";

    public static string StringToSign(string canonicalRequest) =>
        Algorithm + "\n" + CanonicalRequest.HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));

    /// <summary>Lower-case hex HMAC-SHA256 of the string to sign, keyed with the UTF-8 bytes of the AppSecret.</summary>
    public static string Compute(string appSecret, string canonicalRequest) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(StringToSign(canonicalRequest))));
}
