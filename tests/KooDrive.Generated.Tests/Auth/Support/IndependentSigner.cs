namespace KooDrive.Generated.Tests.Auth.Support;

/// <summary>
/// The SDK tests' app credential and the Authorization a recorded request should carry, computed with the
/// shared <see cref="ReferenceSigner"/> (independent of the SDK's signer).
/// </summary>
internal static class IndependentSigner
{
    public const string AppId = "testAppId";
    public const string AppSecret = "testAppSecret";

    /// <summary>The Authorization a recorded request should carry; the host is what the server receives.</summary>
    public static string ExpectedAuthorization(RecordedRequest request, string appId = AppId, string appSecret = AppSecret)
    {
        var host = request.Header("Host") ?? request.Uri.Authority;
        var canonical = ReferenceSigner.CanonicalRequest(
            request.Method,
            request.Uri,
            host,
            request.Header("X-Date") ?? throw new InvalidOperationException("no X-Date"),
            request.Header("X-User-Id") ?? throw new InvalidOperationException("no X-User-Id"),
            request.Body);
        return ReferenceSigner.Authorization(appId, appSecret, canonical);
    }
}
