namespace KooDrive.EndToEnd.Tests.Support;

/// <summary>The two ways KooDrive authenticates a request.</summary>
public enum AuthMode
{
    /// <summary>Authorization: Bearer token.</summary>
    Bearer,

    /// <summary>Authorization: HMAC-SHA256 app signature.</summary>
    AppSignature,
}
