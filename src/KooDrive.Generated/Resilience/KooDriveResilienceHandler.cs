using KooDrive.Generated.Auth;
using KooDrive.Generated.Errors;

namespace KooDrive.Generated.Resilience;

/// <summary>
/// Runs the call's attempts: retries and timeouts (the policy <see cref="KooDriveResiliencePipeline"/> defines;
/// a single attempt when resilience is disabled), and in every attempt reads the whole response body, so
/// that the timeouts cover the body and not just the headers.
/// </summary>
/// <remarks>
/// <para>
/// The generated clients send with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, and a timeout ends when
/// the attempt returns; a body that stalls after the headers would otherwise be read later with no time limit. Read
/// inside the attempt, a stalled or cut body becomes a timeout or an <see cref="HttpRequestException"/> of that
/// attempt, which the retry policy treats like any transient failure. Without resilience the single attempt runs
/// inside <see cref="HttpClient.Timeout"/>, which then covers the body the same way.
/// </para>
/// <para>
/// KooDrive answers are small JSON envelopes; a body above <see cref="MaxBodyBytes"/>, or one that cannot be
/// decoded (for example a corrupt <c>Content-Encoding: gzip</c>), fails with a
/// <see cref="KooDriveInvalidResponseException"/>, which is not retried.
/// </para>
/// <para>
/// Every attempt starts by removing the previous attempt's <c>Authorization</c> and <c>X-Date</c> from the reused
/// request, so the handlers between here and authentication (IHttpClientFactory's request logging, the application's
/// per-attempt handlers) never see the credentials of an earlier attempt; authentication sets both afresh. The shared
/// <see cref="KooDriveClock"/> is recorded on the request, so that whatever reads the response later (the
/// <c>Retry-After</c> of a <see cref="KooDriveThrottledException"/>) measures in server time.
/// </para>
/// </remarks>
internal sealed class KooDriveResilienceHandler(KooDriveResiliencePipeline? pipeline, KooDriveClock clock) : DelegatingHandler
{
    /// <summary>The largest body buffered: 16 MiB, far above any KooDrive envelope.</summary>
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    // One delegate for every call's attempts, instead of one per call.
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _sendAttempt;

    /// <summary>Whether attempts are retried and timed by the resilience pipeline; false when resilience is disabled.</summary>
    internal bool Retries => pipeline is not null;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(RetryAfter.ClockKey, clock);
        return pipeline is null ? SendAttemptAsync(request, cancellationToken) : pipeline.ExecuteAsync(request, _sendAttempt ??= SendAttemptAsync, cancellationToken);
    }

    /// <summary>One attempt: the request without an earlier attempt's credentials, and the whole body read before it ends.</summary>
    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ClearCredentials(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await ResponseText.BufferAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static void ClearCredentials(HttpRequestMessage request)
    {
        request.Headers.Remove(KooDriveHeaderNames.Authorization);
        request.Headers.Remove(KooDriveHeaderNames.Date);
    }
}
