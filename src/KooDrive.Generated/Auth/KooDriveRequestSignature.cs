using System.Diagnostics;

namespace KooDrive.Generated.Auth;

/// <summary>The result of <see cref="KooDriveRequestSigner.Sign"/>: the intermediate texts and the Authorization value.</summary>
/// <remarks>
/// <see cref="Signature"/> and <see cref="AuthorizationHeaderValue"/> authenticate the request they were made
/// for (and can be replayed with it for 15 minutes), so they are secrets: <see cref="ToString"/> and the
/// debugger display redact them. The canonical request and string to sign contain no secret.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed class KooDriveRequestSignature(
    string appId, string canonicalRequest, string stringToSign, string signedHeaders, string signature, string authorizationHeaderValue)
{
    /// <summary>The AppId that signed the request.</summary>
    public string AppId { get; } = appId;

    /// <summary>The canonical request that was hashed.</summary>
    public string CanonicalRequest { get; } = canonicalRequest;

    /// <summary>The string to sign: <c>HMAC-SHA256\n</c> + hex SHA-256 of <see cref="CanonicalRequest"/>.</summary>
    public string StringToSign { get; } = stringToSign;

    /// <summary>The signed header names, lower case, sorted, <c>;</c>-separated.</summary>
    public string SignedHeaders { get; } = signedHeaders;

    /// <summary>The lower-case hex HMAC-SHA256 signature. Secret.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Signature { get; } = signature;

    /// <summary>The full Authorization header value. Secret.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string AuthorizationHeaderValue { get; } = authorizationHeaderValue;

    /// <summary>Describes the signature without revealing it.</summary>
    public override string ToString() =>
        $"KooDriveRequestSignature {{ AppId = {AppId}, SignedHeaders = {SignedHeaders}, Signature = [redacted] }}";
}
