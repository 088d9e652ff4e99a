using KooDrive.Generated.Auth;
using KooDrive.Generated.Errors;

namespace KooDrive.Generated.Resilience;

/// <summary>
/// Reads every response body completely before the attempt ends, so that the attempt and total timeouts (or,
/// without resilience, <see cref="HttpClient.Timeout"/>) also cover the body, not just the headers.
/// </summary>
/// <remarks>
/// <para>
/// The generated clients send with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, and a timeout ends
/// when the handler chain returns; a body that stalls after the headers would otherwise be read later with no
/// time limit. Placed directly inside the resilience handler, a stalled or cut body becomes a timeout or an
/// <see cref="HttpRequestException"/> inside the attempt, which the retry policy treats like any transient failure.
/// </para>
/// <para>
/// KooDrive answers are small JSON envelopes; a body above <see cref="MaxBodyBytes"/>, or one that cannot be
/// decoded (for example a corrupt <c>Content-Encoding: gzip</c>), fails with a
/// <see cref="KooDriveInvalidResponseException"/>, which is not retried.
/// </para>
/// <para>
/// It also records the shared <see cref="KooDriveClock"/> on the request, so that whatever reads the response
/// later (the <c>Retry-After</c> of a <see cref="KooDriveThrottledException"/>) measures in server time.
/// </para>
/// <para>
/// Being the first handler of every attempt, it removes the previous attempt's <c>Authorization</c> and
/// <c>X-Date</c> from the reused request before anything else sees it: the handlers between here and the
/// signing handlers (IHttpClientFactory's request logging, a consumer's own handlers) then never see the
/// credentials of an earlier attempt. The headers and signing handlers set both afresh.
/// </para>
/// </remarks>
internal sealed class KooDriveResponseBufferingHandler(KooDriveClock clock) : DelegatingHandler
{
    /// <summary>The largest body buffered: 16 MiB, far above any KooDrive envelope.</summary>
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(RetryAfter.ClockKey, clock);
        request.Headers.Remove(KooDriveHeaderNames.Authorization);
        request.Headers.Remove(KooDriveHeaderNames.Date);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            var error = ResponseExceptionMap.Unreadable(response, $"its body is larger than the {MaxBodyBytes / (1024 * 1024)} MiB the SDK reads", exception);
            response.Dispose();
            throw error;
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or HttpRequestException))
        {
            // A body that cannot be decoded is the server's fault: typed, never a bare InvalidDataException.
            var error = ResponseExceptionMap.Unreadable(response, $"reading its body failed ({exception.GetType().Name}: {exception.Message.TrimEnd('.')})", exception);
            response.Dispose();
            throw error;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
