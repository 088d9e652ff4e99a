using System.Diagnostics;

namespace KooDrive.Emulator;

/// <summary>
/// The credentials a running emulator accepts for its seeded user. <see cref="ToString"/> and the debugger
/// display hide the token and the secret.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class EmulatorCredentials
{
    internal EmulatorCredentials(string userId, string bearerToken, string appId, string appSecret)
    {
        UserId = userId;
        BearerToken = bearerToken;
        AppId = appId;
        AppSecret = appSecret;
    }

    /// <summary>The seeded user's ID, sent as <c>X-User-Id</c>.</summary>
    public string UserId { get; }

    /// <summary>An access token for <see cref="UserId"/>: <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string BearerToken { get; }

    /// <summary>The AppId for app-signature authentication.</summary>
    public string AppId { get; }

    /// <summary>The AppSecret that keys app signatures.</summary>
    public string AppSecret { get; }

    /// <inheritdoc />
    public override string ToString() => $"UserId = {UserId}, AppId = {AppId}, BearerToken = ***, AppSecret = ***";
}
