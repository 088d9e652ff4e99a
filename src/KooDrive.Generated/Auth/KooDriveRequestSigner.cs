using System.Security.Cryptography;

namespace KooDrive.Generated.Auth;

/// <summary>
/// Signs a request with a KooDrive app credential (app-based authentication, HMAC-SHA256). Pure and
/// thread-safe: it reads nothing but its arguments; <see cref="KooDriveAuthenticationHandler"/> applies it to HTTP requests.
/// </summary>
/// <remarks>
/// <c>signature = HexEncode(HMAC-SHA256(AppSecret, "HMAC-SHA256\n" + HexEncode(SHA256(CanonicalRequest))))</c>;
/// see <see cref="KooDriveCanonicalRequest"/> for the canonical request. <see cref="CreateAuthorization"/> is the
/// per-request path: the canonical request, both hashes and the HMAC live in stack buffers, and the one
/// allocation is the header value itself.
/// </remarks>
internal sealed class KooDriveRequestSigner
{
    /// <summary>The signed header <c>host</c>: the value the server receives in <c>Host</c>.</summary>
    public const string Host = "host";

    /// <summary>The signed header <c>x-date</c>.</summary>
    public const string XDate = "x-date";

    /// <summary>The signed header <c>x-user-id</c>.</summary>
    public const string XUserId = "x-user-id";

    /// <summary>The signed-header list of every request the SDK signs: its three signed headers, sorted, <c>;</c>-separated.</summary>
    /// <value><c>host;x-date;x-user-id</c></value>
    public const string SignedHeaderNames = Host + ";" + XDate + ";" + XUserId;

    private const string AppIdPrefix = KooDriveCanonicalRequest.Algorithm + " AppId=";
    private const string SignedHeadersPrefix = ",SignedHeaders=";
    private const string SignaturePrefix = ",Signature=";

    private static int cryptographyLoading;

    private readonly KooDriveAppCredential _credential;

    /// <summary>Creates a signer for one app credential, and starts loading the platform's cryptography (see <see cref="LoadCryptographyInBackground"/>).</summary>
    public KooDriveRequestSigner(KooDriveAppCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _credential = credential;
        LoadCryptographyInBackground();
    }

    /// <summary>
    /// Loads the platform's SHA-256 and HMAC (OpenSSL, on Linux) on a thread-pool thread, once per process. Loading
    /// them is a fixed cost of some tens of milliseconds that the first signed request would otherwise pay itself;
    /// begun when the client is created, it overlaps with whatever the process does before that request. A failure
    /// here is left for the first request to meet and report.
    /// </summary>
    private static void LoadCryptographyInBackground()
    {
        if (Interlocked.Exchange(ref cryptographyLoading, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static _ =>
                {
                    try
                    {
                        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
                        SHA256.HashData(ReadOnlySpan<byte>.Empty, hash);
                        HMACSHA256.HashData("KooDrive"u8, ReadOnlySpan<byte>.Empty, hash);
                    }
#pragma warning disable CA1031 // Loading ahead of need is an optimisation: the first signed request reports any failure.
                    catch (Exception)
#pragma warning restore CA1031
                    {
                    }
                },
                null);
        }
    }

    /// <summary>The AppId requests are signed for.</summary>
    public string AppId => _credential.AppId;

    /// <summary>
    /// The <c>Authorization</c> value of one request signed over <see cref="SignedHeaderNames"/>. The values are
    /// the ones sent: <paramref name="host"/> as the server receives it, <paramref name="xDate"/> and
    /// <paramref name="userId"/> as in their headers; <paramref name="payload"/> is the exact body sent.
    /// </summary>
    public string CreateAuthorization(string method, Uri requestUri, string host, string xDate, string userId, ReadOnlySpan<byte> payload)
    {
        ReadOnlySpan<KeyValuePair<string, string>> headers = [new(Host, host), new(XDate, xDate), new(XUserId, userId)];
        Span<byte> payloadHash = stackalloc byte[KooDriveCanonicalRequest.HashHexLength];
        KooDriveCanonicalRequest.HashPayload(payload, payloadHash);
        Span<byte> stringToSign = stackalloc byte[KooDriveCanonicalRequest.StringToSignLength];
        var canonical = new Utf8Buffer(stackalloc byte[512]);
        try
        {
            KooDriveCanonicalRequest.Write(ref canonical, method, requestUri, headers, SignedHeaderNames, payloadHash);
            KooDriveCanonicalRequest.WriteStringToSign(canonical.Written, stringToSign);
        }
        finally
        {
            canonical.Dispose();
        }

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _credential.ComputeSignature(stringToSign, mac);
        return FormatAuthorization(_credential.AppId, SignedHeaderNames, mac);
    }

    /// <summary>Signs one request over any signed headers, keeping the intermediate texts (signing vectors, diagnostics).</summary>
    /// <exception cref="ArgumentException">The URI is not absolute, or a header is missing, repeated or invalid.</exception>
    public KooDriveRequestSignature Sign(
        string method,
        Uri requestUri,
        IEnumerable<KeyValuePair<string, string>> signedHeaders,
        ReadOnlySpan<byte> payload)
    {
        var headers = KooDriveCanonicalRequest.NormalizeHeaders(signedHeaders);
        var names = KooDriveCanonicalRequest.JoinSignedHeaders(headers);
        var canonicalRequest = KooDriveCanonicalRequest.Create(method, requestUri, headers, payload);
        var stringToSign = KooDriveCanonicalRequest.CreateStringToSign(canonicalRequest);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _credential.ComputeSignature(System.Text.Encoding.ASCII.GetBytes(stringToSign), mac);
        return new KooDriveRequestSignature(_credential.AppId, canonicalRequest, stringToSign, names, Convert.ToHexStringLower(mac), FormatAuthorization(_credential.AppId, names, mac));
    }

    /// <summary>Describes the signer without revealing the secret.</summary>
    public override string ToString() => $"KooDriveRequestSigner {{ AppId = {AppId} }}";

    /// <summary><c>HMAC-SHA256 AppId=…,SignedHeaders=…,Signature=…</c>, built in place.</summary>
    private static string FormatAuthorization(string appId, string signedHeaders, ReadOnlySpan<byte> mac)
    {
        var length = AppIdPrefix.Length + appId.Length + SignedHeadersPrefix.Length + signedHeaders.Length + SignaturePrefix.Length + (mac.Length * 2);
        Span<char> text = length <= 512 ? stackalloc char[length] : new char[length];
        var position = 0;
        foreach (var part in (ReadOnlySpan<string>)[AppIdPrefix, appId, SignedHeadersPrefix, signedHeaders, SignaturePrefix])
        {
            part.CopyTo(text[position..]);
            position += part.Length;
        }

        Convert.TryToHexStringLower(mac, text[position..], out _);
        return new string(text);
    }
}
