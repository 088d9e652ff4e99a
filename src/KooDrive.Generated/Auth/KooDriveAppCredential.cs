using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace KooDrive.Generated.Auth;

/// <summary>
/// The AppId and AppSecret of a KooDrive app, for app-based authentication (HMAC-SHA256 request signing).
/// </summary>
/// <remarks>
/// The AppSecret is write-only: it is kept as the UTF-8 key bytes the signature is computed with and is
/// never returned, formatted or shown in a debugger. <see cref="ToString"/> shows the AppId only.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class KooDriveAppCredential
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] _key;

    /// <summary>Creates a credential from the AppId and AppSecret issued for a KooDrive app.</summary>
    /// <param name="appId">The AppId: visible ASCII, without spaces or commas (it is written into the Authorization header).</param>
    /// <param name="appSecret">The AppSecret the signature is keyed with (its UTF-8 bytes).</param>
    /// <exception cref="ArgumentException">A value is null, empty or contains characters the header cannot carry.</exception>
    public KooDriveAppCredential(string appId, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(appId);
        ArgumentNullException.ThrowIfNull(appSecret);
        if (!HeaderValueGuard.IsToken(appId) || appId.Contains(',', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "The AppId must be non-empty visible ASCII without spaces or commas, because it is written into the Authorization header.",
                nameof(appId));
        }

        if (appSecret.Length == 0)
        {
            throw new ArgumentException("The AppSecret must not be empty.", nameof(appSecret));
        }

        AppId = appId;
        _key = Encoding.UTF8.GetBytes(appSecret);
    }

    /// <summary>The AppId, sent in clear in the Authorization header.</summary>
    public string AppId { get; }

    /// <summary>Shows the AppId; the AppSecret is always redacted.</summary>
    /// <returns><c>KooDriveAppCredential { AppId = …, AppSecret = [redacted] }</c>.</returns>
    public override string ToString() => $"KooDriveAppCredential {{ AppId = {AppId}, AppSecret = [redacted] }}";

    /// <summary>Writes the HMAC-SHA256 of <paramref name="stringToSign"/>, keyed with the AppSecret, into <paramref name="destination"/>.</summary>
    internal void ComputeSignature(ReadOnlySpan<byte> stringToSign, Span<byte> destination)
    {
        // A keyed HMAC reused by the thread for this credential: resetting it keeps the processed key, where the
        // one-shot HMACSHA256.HashData sets up a native context and the key on every call.
        var hmac = threadHmac;
        if (hmac is null || !ReferenceEquals(hmac.Key, _key))
        {
            hmac?.Hash.Dispose();
            hmac = threadHmac = new KeyedHmac(_key, IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key));
        }

        hmac.Hash.AppendData(stringToSign);
        hmac.Hash.GetHashAndReset(destination);
    }

    [ThreadStatic]
    private static KeyedHmac? threadHmac;

    private sealed class KeyedHmac(byte[] key, IncrementalHash hash)
    {
        public byte[] Key { get; } = key;

        public IncrementalHash Hash { get; } = hash;
    }
}
