using System.Net.Http.Headers;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Observability;

namespace KooDrive.Generated.Http;

/// <summary>
/// Once per call, adds the headers that describe the caller rather than authenticate it (<c>User-Agent</c> and,
/// when configured, <c>language</c>) and checks every header value of the request against
/// <see cref="HeaderValueGuard"/> before anything is sent.
/// </summary>
/// <remarks>
/// <para>
/// The SDK's product token (<see cref="KooDriveTelemetry.UserAgent"/>) comes after any product the application
/// already names, so the service can tell SDK versions apart. <c>language</c> is added only when the request has
/// none. Both values are fixed for the client's life and are added as the same strings to every request.
/// </para>
/// <para>
/// A value with CR, LF or any other control character, or any character beyond ASCII, fails the call with an
/// <see cref="ArgumentException"/> naming the header (never quoting the value); <c>x-backup-lock-id</c> and
/// <c>language</c> must moreover be settings (non-empty, no leading or trailing spaces).
/// </para>
/// </remarks>
internal sealed class KooDriveRequestHeadersHandler(string? language) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers;
        if (!headers.NonValidated.TryGetValues(KooDriveHeaderNames.UserAgent, out var agents) || !NamesSdk(agents))
        {
            headers.TryAddWithoutValidation(KooDriveHeaderNames.UserAgent, KooDriveTelemetry.UserAgent);
        }

        if (language is not null && !headers.NonValidated.Contains(KooDriveHeaderNames.Language))
        {
            headers.TryAddWithoutValidation(KooDriveHeaderNames.Language, language);
        }

        Validate(request);
        return base.SendAsync(request, cancellationToken);
    }

    private static bool NamesSdk(HeaderStringValues agents)
    {
        foreach (var agent in agents)
        {
            if (agent.StartsWith(KooDriveTelemetry.ProductName + "/", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void Validate(HttpRequestMessage request)
    {
        HeaderValueGuard.ThrowIfAnyInvalid(request.Headers);
        if (request.Content is not null)
        {
            HeaderValueGuard.ThrowIfAnyInvalid(request.Content.Headers);
        }

        foreach (var name in (ReadOnlySpan<string>)[KooDriveHeaderNames.BackupLockId, KooDriveHeaderNames.Language])
        {
            if (request.Headers.NonValidated.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    HeaderValueGuard.ThrowIfNotSetting(name, value);
                }
            }
        }
    }
}
