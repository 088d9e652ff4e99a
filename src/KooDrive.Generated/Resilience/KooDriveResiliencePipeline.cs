using System.Diagnostics;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Spec;
using KooDrive.Generated.Observability;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace KooDrive.Generated.Resilience;

/// <summary>
/// Builds the Polly pipeline of the SDK's <see cref="KooDriveResilienceHandler"/>: total timeout → retry → attempt
/// timeout, from <see cref="KooDriveResilienceOptions"/>.
/// </summary>
internal static class KooDriveResiliencePipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(KooDriveResilienceOptions options, KooDriveClock clock, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = "KooDrive",
            TimeProvider = timeProvider,
        };

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "KooDrive.TotalTimeout", Timeout = options.TotalTimeout });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(CreateRetryOptions(options, clock, logger));
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "KooDrive.AttemptTimeout", Timeout = options.AttemptTimeout });
        return builder.Build();
    }

    private static HttpRetryStrategyOptions CreateRetryOptions(KooDriveResilienceOptions options, KooDriveClock clock, ILogger logger)
    {
        var maxDelay = options.MaxDelay;
        var retryNonIdempotent = options.RetryNonIdempotent;
        return new HttpRetryStrategyOptions
        {
            Name = "KooDrive.Retry",
            MaxRetryAttempts = options.MaxRetries,
            Delay = options.BaseDelay,
            MaxDelay = maxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,

            // The library's own Retry-After reader uses the local system clock; RetryAfter measures in server time.
            ShouldRetryAfterHeader = false,
            DelayGenerator = args => new ValueTask<TimeSpan?>(
                args.Outcome.Result is { } response && RetryAfter.TryGetDelay(response, clock, out var delay) ? delay : null),
            ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, clock, maxDelay, retryNonIdempotent)),
            OnRetry = args =>
            {
                OnRetry(args, logger);
                return ValueTask.CompletedTask;
            },
        };
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, KooDriveClock clock, TimeSpan maxDelay, bool retryNonIdempotent)
    {
        var callerCanceled = context.CancellationToken.IsCancellationRequested;
        var transient = outcome switch
        {
            { Exception: OperationCanceledException { InnerException: TimeoutException } } => !callerCanceled,
            _ => !callerCanceled && HttpClientResiliencePredicates.IsTransient(outcome),
        };
        if (!transient)
        {
            return false;
        }

        // The call's own request, not a redirect hop (whose method a 303 may have changed).
        var request = context.GetRequestMessage() ?? outcome.Result?.RequestMessage;
        if (request is not null && !IsIdempotent(request) && !retryNonIdempotent && !NeverReachedServer(outcome.Exception))
        {
            return false;
        }

        // Waiting longer than the consumer allows is pointless: hand the server's answer back instead.
        return outcome.Result is not { } response
            || !RetryAfter.TryGetDelay(response, clock, out var asked)
            || asked <= maxDelay;
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

    private static void OnRetry(OnRetryArguments<HttpResponseMessage> args, ILogger logger)
    {
        var request = args.Context.GetRequestMessage() ?? args.Outcome.Result?.RequestMessage;
        var outcome = args.Outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : args.Outcome.Exception?.GetType().Name ?? "unknown";
        var state = KooDriveCallState.Get(request);
        state?.RecordRetry();
        state?.Activity?.AddEvent(new ActivityEvent(
            "koodrive.retry",
            tags: new ActivityTagsCollection
            {
                ["koodrive.attempt"] = args.AttemptNumber + 1,
                ["koodrive.retry_delay_ms"] = args.RetryDelay.TotalMilliseconds,
                ["error.type"] = outcome,
            }));

        if (logger.IsEnabled(LogLevel.Warning))
        {
            var path = request?.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : "?";
            var delay = args.RetryDelay.TotalMilliseconds;
            var traceId = KooDriveTraceId.Get(request);
            KooDriveLog.RetryScheduled(logger, request?.Method.Method ?? "?", path, args.AttemptNumber + 1, outcome, delay, traceId);
        }
    }
}
