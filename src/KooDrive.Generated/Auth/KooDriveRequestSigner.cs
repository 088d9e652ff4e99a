namespace KooDrive.Generated.Auth;

/// <summary>
/// Signs a request with a KooDrive app credential (app-based authentication, HMAC-SHA256). Pure and
/// thread-safe: it reads nothing but its arguments; <see cref="KooDriveSigningHandler"/> applies it to HTTP requests.
/// </summary>
/// <remarks>
/// <c>signature = HexEncode(HMAC-SHA256(AppSecret, "HMAC-SHA256\n" + HexEncode(SHA256(CanonicalRequest))))</c>;
/// see <see cref="KooDriveCanonicalRequest"/> for the canonical request.
/// </remarks>
public sealed class KooDriveRequestSigner
{
    private readonly KooDriveAppCredential _credential;

    /// <summary>Creates a signer for one app credential.</summary>
    /// <param name="credential">The AppId and AppSecret.</param>
    public KooDriveRequestSigner(KooDriveAppCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _credential = credential;
    }

    /// <summary>The AppId requests are signed for.</summary>
    public string AppId => _credential.AppId;

    /// <summary>Signs one request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="requestUri">The absolute URI exactly as sent.</param>
    /// <param name="signedHeaders">The headers to sign with the values sent; must include <c>X-Date</c> and <c>X-User-Id</c>, and should include <c>Host</c>.</param>
    /// <param name="payload">The exact body bytes sent (empty for no body).</param>
    /// <returns>The canonical request, string to sign, signature and Authorization value.</returns>
    /// <exception cref="ArgumentException">The URI is not absolute, or a header is missing, repeated or invalid.</exception>
    public KooDriveRequestSignature Sign(
        string method,
        Uri requestUri,
        IEnumerable<KeyValuePair<string, string>> signedHeaders,
        ReadOnlySpan<byte> payload)
    {
        var headers = KooDriveCanonicalRequest.NormalizeHeaders(signedHeaders);
        var canonicalRequest = KooDriveCanonicalRequest.CreateCore(method, requestUri, headers, KooDriveCanonicalRequest.HashPayload(payload));
        var stringToSign = KooDriveCanonicalRequest.CreateStringToSign(canonicalRequest);
        return new KooDriveRequestSignature(
            _credential.AppId,
            canonicalRequest,
            stringToSign,
            KooDriveCanonicalRequest.JoinSignedHeaders(headers),
            _credential.ComputeSignature(stringToSign));
    }

    /// <summary>Describes the signer without revealing the secret.</summary>
    /// <returns>The AppId.</returns>
    public override string ToString() => $"KooDriveRequestSigner {{ AppId = {AppId} }}";
}
