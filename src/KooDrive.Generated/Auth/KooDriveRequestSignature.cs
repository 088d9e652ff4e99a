using System.Diagnostics;

namespace KooDrive.Generated.Auth;

/// <summary>The result of signing one request: the intermediate texts and the Authorization value.</summary>
/// <remarks>
/// <see cref="Signature"/> and <see cref="AuthorizationHeaderValue"/> authenticate the request they were made
/// for (and can be replayed with it for 15 minutes), so they are secrets: <see cref="ToString"/> and the
/// debugger display redact them. The canonical request and string to sign contain no secret.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class KooDriveRequestSignature
{
    internal KooDriveRequestSignature(string appId, string canonicalRequest, string stringToSign, string signedHeaders, string signature)
    {
        AppId = appId;
        CanonicalRequest = canonicalRequest;
        StringToSign = stringToSign;
        SignedHeaders = signedHeaders;
        Signature = signature;
    }

    /// <summary>The AppId that signed the request.</summary>
    public string AppId { get; }

    /// <summary>The canonical request that was hashed.</summary>
    public string CanonicalRequest { get; }

    /// <summary>The string to sign: <c>HMAC-SHA256\n</c> + hex SHA-256 of <see cref="CanonicalRequest"/>.</summary>
    public string StringToSign { get; }

    /// <summary>The signed header names, lower case, sorted, <c>;</c>-separated (e.g. <c>host;x-date;x-user-id</c>).</summary>
    public string SignedHeaders { get; }

    /// <summary>The lower-case hex HMAC-SHA256 signature. Secret.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Signature { get; }

    /// <summary>The full Authorization header value. Secret.</summary>
    /// <value><c>HMAC-SHA256 AppId=&lt;id&gt;,SignedHeaders=&lt;list&gt;,Signature=&lt;sig&gt;</c>, no spaces after the commas.</value>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string AuthorizationHeaderValue =>
        $"{KooDriveCanonicalRequest.Algorithm} AppId={AppId},SignedHeaders={SignedHeaders},Signature={Signature}";

    /// <summary>Describes the signature without revealing it.</summary>
    /// <returns>The AppId and signed headers, with the signature redacted.</returns>
    public override string ToString() =>
        $"KooDriveRequestSignature {{ AppId = {AppId}, SignedHeaders = {SignedHeaders}, Signature = [redacted] }}";
}
