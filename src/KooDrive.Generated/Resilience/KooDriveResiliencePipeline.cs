using System.Diagnostics;
using System.Net;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Observability;
using KooDrive.Generated.Spec;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace KooDrive.Generated.Resilience;

/// <summary>
/// The attempts of one call, as <see cref="KooDriveResilienceOptions"/> asks: a total timeout around retries, with
/// an attempt timeout around each attempt.
/// </summary>
/// <remarks>
/// <para>
/// A plain loop rather than a Polly pipeline: Polly validates its options with data annotations when a pipeline is
/// built and compiles some three hundred methods of generic strategy code at the first call, which made creating a
/// client and its first call cost several times what the call itself does, and added per-call work to every call
/// of a bulk run. The semantics are Polly's: what counts as transient is Microsoft.Extensions.Http.Resilience's
/// <see cref="HttpClientResiliencePredicates"/> (asked only about failures: a success is final without loading
/// them); a response that is retried is disposed before the delay.
/// </para>
/// <para>
/// An expired timeout surfaces the way <see cref="HttpClient"/> reports its own, as a <see cref="TaskCanceledException"/>
/// whose inner exception is a <see cref="TimeoutException"/>, naming the setting that elapsed. Not Polly's
/// <c>TimeoutRejectedException</c>: a caller would have to reference Polly to catch a timeout, and code written
/// against <see cref="HttpClient.Timeout"/> (or against the SDK with resilience disabled) would miss it. A call
/// the caller cancelled still ends with the caller's own <see cref="OperationCanceledException"/>.
/// </para>
/// <para>
/// Every timer (both timeouts and each delay) runs on the options' <see cref="TimeProvider"/>, so a fake clock
/// drives all of them.
/// </para>
/// </remarks>
internal sealed class KooDriveResiliencePipeline(KooDriveResilienceOptions options, KooDriveClock clock, TimeProvider timeProvider, ILogger logger)
{
    private readonly int _maxRetries = options.MaxRetries;
    private readonly TimeSpan _baseDelay = options.BaseDelay;
    private readonly TimeSpan _maxDelay = options.MaxDelay;
    private readonly TimeSpan _attemptTimeout = options.AttemptTimeout;
    private readonly TimeSpan _totalTimeout = options.TotalTimeout;
    private readonly bool _retryNonIdempotent = options.RetryNonIdempotent;

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, fails for good, or a timeout expires.</summary>
    /// <exception cref="TaskCanceledException">A timeout expired (the inner exception is a <see cref="TimeoutException"/>); the message names which.</exception>
    public async Task<HttpResponseMessage> ExecuteAsync(
        HttpRequestMessage request,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> attempt,
        CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var backoff = 0.0;
        for (var attemptNumber = 0; ; attemptNumber++)
        {
            // One timer per attempt stands for both limits: the attempt timeout, or what is left of the total
            // timeout when that ends first. Which one expired is known from which one the timer was set for.
            var remaining = _totalTimeout - timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw TimedOut(wholeCall: true);
            }

            var endsTheCall = remaining <= _attemptTimeout;
            HttpResponseMessage? response = null;
            Exception? error = null;
            using (var limit = new TimeLimit(endsTheCall ? remaining : _attemptTimeout, timeProvider, cancellationToken))
            {
                try
                {
                    response = await attempt(request, limit.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (limit.Expired && !cancellationToken.IsCancellationRequested)
                {
                    if (endsTheCall)
                    {
                        throw TimedOut(wholeCall: true);
                    }

                    error = TimedOut(wholeCall: false);
                }
#pragma warning disable CA1031 // The retry policy decides on every failure; a final one is rethrown below.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    error = exception;
                }
            }

            remaining = _totalTimeout - timeProvider.GetElapsedTime(started);
            var delay = attemptNumber < _maxRetries && remaining > TimeSpan.Zero
                ? RetryDelay(request, response, error, attemptNumber, ref backoff, cancellationToken)
                : null;
            if (delay is not { } wait)
            {
                if (error is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
                }

                return response!;
            }

            OnRetry(request, response, error, attemptNumber, wait);
            response?.Dispose();

            // A wait the total timeout does not leave room for ends the call when the total timeout expires.
            if (wait >= remaining)
            {
                await Task.Delay(remaining, timeProvider, cancellationToken).ConfigureAwait(false);
                throw TimedOut(wholeCall: true);
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The exception <see cref="HttpClient"/> throws when its own <see cref="HttpClient.Timeout"/> elapses (a
    /// <see cref="TaskCanceledException"/> around a <see cref="TimeoutException"/>), naming the SDK setting that elapsed.
    /// </summary>
    private TaskCanceledException TimedOut(bool wholeCall)
    {
        var setting = wholeCall
            ? $"Resilience:TotalTimeout ({Format(_totalTimeout)}) for the whole call elapsed"
            : $"Resilience:AttemptTimeout ({Format(_attemptTimeout)}) elapsed on the last attempt the retry policy allowed";
        var message = $"The KooDrive request was canceled because its {setting}.";
        return new TaskCanceledException(message, new TimeoutException(message));
    }

    private static string Format(TimeSpan value) => value.ToString("c", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The wait before the next attempt, or null when this outcome is final.</summary>
    private TimeSpan? RetryDelay(HttpRequestMessage request, HttpResponseMessage? response, Exception? error, int attemptNumber, ref double backoff, CancellationToken callToken)
    {
        // A success is never transient. Deciding so here, before the predicates are asked, keeps their assemblies
        // (and compiling the code that asks them) out of a process whose calls succeed.
        if (response is { IsSuccessStatusCode: true })
        {
            return null;
        }

        if (!ShouldRetry(request, response, error, callToken))
        {
            return null;
        }

        if (response is not null && RetryAfter.TryGetDelay(response, clock, out var asked))
        {
            return asked;
        }

        return Backoff(attemptNumber, ref backoff);
    }

    /// <summary>
    /// The delay Polly's exponential backoff with jitter draws (its "decorrelated jitter, V2"): each attempt's point
    /// on the curve 2^t·tanh(√(4t)) is taken at t = attempt + a random fraction, and the delay is the curve's rise
    /// since the previous attempt's point, scaled so that the first delay's median is about <c>BaseDelay</c>.
    /// Clients failing together spread out instead of retrying together; <c>MaxDelay</c> caps each delay.
    /// </summary>
    private TimeSpan Backoff(int attemptNumber, ref double previous)
    {
        const double Exponent = 2.0;
        const double Steepness = 4.0;
        const double FirstDelayScale = 1 / 1.4;
        var t = attemptNumber + Random.Shared.NextDouble();
        var next = Math.Pow(Exponent, t) * Math.Tanh(Math.Sqrt(Steepness * t));
        var rise = next - previous;
        previous = next;
        var ticks = Math.Min(rise * FirstDelayScale * _baseDelay.Ticks, _maxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private bool ShouldRetry(HttpRequestMessage request, HttpResponseMessage? response, Exception? error, CancellationToken callToken)
    {
        if (callToken.IsCancellationRequested)
        {
            return false;
        }

        // The overload taking the token is experimental; a cancelled call has already returned above.
#pragma warning disable CA2016
        var transient = error switch
        {
            null => HttpClientResiliencePredicates.IsTransient(Outcome.FromResult(response)),
            OperationCanceledException { InnerException: TimeoutException } => true,
            _ => HttpClientResiliencePredicates.IsTransient(Outcome.FromException<HttpResponseMessage>(error)),
        };
#pragma warning restore CA2016
        if (!transient)
        {
            return false;
        }

        if (!IsIdempotent(request) && !_retryNonIdempotent && !NeverReachedServer(error))
        {
            return false;
        }

        // Waiting longer than the consumer allows is pointless: hand the server's answer back instead.
        return response is null
            || !RetryAfter.TryGetDelay(response, clock, out var asked)
            || asked <= _maxDelay;
    }

    // The generated method says whether its operation is idempotent (the spec's x-koodrive-idempotent, else its
    // method); a request sent through the pipeline without a generated method is judged by its method alone.
    private static bool IsIdempotent(HttpRequestMessage request) =>
        KooDriveOperation.Of(request) is { } operation ? operation.IsIdempotent : IsIdempotent(request.Method);

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    /// <summary>True when the connection could not even be opened, so no byte of the request reached a server.</summary>
    private static bool NeverReachedServer(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    private void OnRetry(HttpRequestMessage request, HttpResponseMessage? response, Exception? error, int attemptNumber, TimeSpan delay)
    {
        var outcome = response is not null
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : error?.GetType().Name ?? "unknown";
        var state = KooDriveCallState.Get(request);
        state?.RecordRetry();
        state?.Activity?.AddEvent(new ActivityEvent(
            "koodrive.retry",
            tags: new ActivityTagsCollection
            {
                ["koodrive.attempt"] = attemptNumber + 1,
                ["koodrive.retry_delay_ms"] = delay.TotalMilliseconds,
                ["error.type"] = outcome,
            }));

        if (logger.IsEnabled(LogLevel.Warning))
        {
            var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : "?";
            var traceId = KooDriveTraceId.Get(request);
            KooDriveLog.RetryScheduled(logger, request.Method.Method, path, attemptNumber + 1, outcome, delay.TotalMilliseconds, traceId);
        }
    }

    /// <summary>A timeout on the time provider, also cancelled with the token it runs under.</summary>
    private sealed class TimeLimit : IDisposable
    {
        private readonly CancellationTokenSource _source;
        private readonly CancellationTokenRegistration _outer;

        public TimeLimit(TimeSpan after, TimeProvider timeProvider, CancellationToken outer)
        {
            _source = new CancellationTokenSource(after, timeProvider);
            _outer = outer.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source);
        }

        public CancellationToken Token => _source.Token;

        /// <summary>Whether the token was cancelled (by the timer, unless the outer token was cancelled too).</summary>
        public bool Expired => _source.IsCancellationRequested;

        public void Dispose()
        {
            _outer.Dispose();
            _source.Dispose();
        }
    }
}
