using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Observability;
using KooDrive.Generated.Spec;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KooDrive.Generated.Http;

/// <summary>
/// The first handler a call meets, once per call (all its attempts): it fixes what the call is sent as and what
/// is recorded of it. It fixes the call's <c>X-Traceid</c>, adds the headers that describe the caller rather than
/// authenticate it (<c>User-Agent</c>, <c>language</c>), refuses a header value that cannot be sent, logs the call
/// and records it as a span of <see cref="KooDriveTelemetry.ActivitySource"/>: one call is one span, one outcome
/// line and one trace ID.
/// </summary>
/// <remarks>
/// <para>
/// The trace ID is the caller's <c>X-Traceid</c> header (which must be valid), else the ID of the active
/// <see cref="KooDriveTraceId.Begin"/> scope, else a new one. It is recorded in the request's options and in the
/// <see cref="Exception.Data"/> of any exception that passes through, under <see cref="KooDriveTraceId.ExceptionDataKey"/>.
/// </para>
/// <para>
/// The span is named after the operation (<c>BackupClient.DeleteBackupScopes</c>; <c>KooDrive DELETE</c> for
/// a request that matches no operation) and tagged <c>http.request.method</c>, <c>url.path</c> (no query),
/// <c>url.template</c>, <c>server.address</c>, <c>koodrive.operation</c>, <c>koodrive.trace_id</c>,
/// <c>http.response.status_code</c>, <c>koodrive.attempts</c> and, on failure, <c>error.type</c>. Retries are
/// events on it. Nothing else from the request is logged: no header values, no query, no body.
/// </para>
/// <para>
/// Disabled diagnostics cost nothing beyond the trace ID: no span is started unless the source has a listener,
/// and the path and operation names are read only when a log level or the span needs them.
/// </para>
/// <para>
/// The SDK's product token (<see cref="KooDriveTelemetry.UserAgent"/>) comes after any product the application
/// already names, so the service can tell SDK versions apart. <c>language</c> is added only when the request has
/// none. Both values are fixed for the client's life and are added as the same strings to every request.
/// </para>
/// <para>
/// A header value with CR, LF or any other control character, or any character beyond ASCII, fails the call with an
/// <see cref="ArgumentException"/> naming the header (never quoting the value), before any attempt; <c>x-backup-lock-id</c>
/// and <c>language</c> must moreover be settings (non-empty, no leading or trailing spaces). The check
/// is <see cref="HeaderValueGuard"/>'s, the one definition of a sendable header value.
/// </para>
/// </remarks>
internal sealed class KooDriveCallHandler(ILogger? logger, TimeProvider timeProvider, string? language) : DelegatingHandler
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>
    /// Refuses a synchronous send before anything is sent. <see cref="DelegatingHandler"/> would pass it straight
    /// to the inner handler, skipping every step of this pipeline that only exists asynchronously, authentication
    /// included; the generated clients never send synchronously.
    /// </summary>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            "A KooDrive client sends asynchronously only (HttpClient.SendAsync, as every generated method does): a synchronous send would bypass authentication.");

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var traceId = FixTraceId(request);
        try
        {
            using var activity = StartActivity(request, traceId);

            // The attempt count is read only by a log line or the span: without either, nothing records it.
            KooDriveCallState? state = null;
            if (activity is not null || _logger.IsEnabled(LogLevel.Error))
            {
                state = new KooDriveCallState { Activity = activity };
                request.Options.Set(KooDriveCallState.Key, state);
            }

            CallName? call = null;
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                call = new CallName(request);
                KooDriveLog.RequestStarting(_logger, call.Operation, call.Method, call.Path, traceId);
            }

            var started = timeProvider.GetTimestamp();
            try
            {
                AddCallerHeaders(request, language);
                CheckHeaders(request);
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var level = status >= 400 ? LogLevel.Warning : LogLevel.Information;
                if (_logger.IsEnabled(level))
                {
                    call ??= new CallName(request);
                    var elapsed = timeProvider.GetElapsedTime(started).TotalMilliseconds;
                    var attempts = Attempts(state);
                    KooDriveLog.ResponseReceived(_logger, level, call.Operation, call.Method, call.Path, status, elapsed, attempts, traceId);
                }

                if (activity is not null)
                {
                    activity.SetTag("http.response.status_code", status);
                    activity.SetTag("koodrive.attempts", Attempts(state));
                    if (status >= 400)
                    {
                        MarkFailed(activity, state, status.ToString(CultureInfo.InvariantCulture));
                    }
                }

                return response;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    call ??= new CallName(request);
                    var elapsed = timeProvider.GetElapsedTime(started).TotalMilliseconds;
                    KooDriveLog.RequestCanceled(_logger, call.Operation, call.Method, call.Path, elapsed, traceId);
                }

                MarkFailed(activity, state, "canceled", "canceled");

                throw;
            }
            catch (Exception exception)
            {
                var errorType = exception.GetType().FullName ?? exception.GetType().Name;
                if (_logger.IsEnabled(LogLevel.Error))
                {
                    call ??= new CallName(request);
                    var elapsed = timeProvider.GetElapsedTime(started).TotalMilliseconds;
                    var attempts = Attempts(state);
                    KooDriveLog.RequestFailed(_logger, exception, call.Operation, call.Method, call.Path, errorType, elapsed, attempts, traceId);
                }

                activity?.AddException(exception);
                MarkFailed(activity, state, errorType);

                throw;
            }
        }
        catch (Exception exception) when (RecordTraceId(exception, traceId))
        {
            throw; // Unreachable: the filter only annotates the exception and never catches it.
        }
    }

    private static void AddCallerHeaders(HttpRequestMessage request, string? language)
    {
        var headers = request.Headers;
        if (!headers.NonValidated.TryGetValues(KooDriveHeaderNames.UserAgent, out var agents) || !NamesSdk(agents))
        {
            headers.TryAddWithoutValidation(KooDriveHeaderNames.UserAgent, KooDriveTelemetry.UserAgent);
        }

        if (language is not null && !headers.NonValidated.Contains(KooDriveHeaderNames.Language))
        {
            headers.TryAddWithoutValidation(KooDriveHeaderNames.Language, language);
        }
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

    private static void CheckHeaders(HttpRequestMessage request)
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

    private static int Attempts(KooDriveCallState? state) => state?.Attempts ?? 1;

    /// <summary>Marks the call's span failed, with the error type and the attempts made; nothing when no one listens.</summary>
    private static void MarkFailed(Activity? activity, KooDriveCallState? state, string errorType, string? description = null)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("error.type", errorType);
        activity.SetTag("koodrive.attempts", Attempts(state));
        activity.SetStatus(ActivityStatusCode.Error, description);
    }

    /// <summary>Fixes the call's trace ID on the header and the request options; a malformed caller header fails the call.</summary>
    private static string FixTraceId(HttpRequestMessage request)
    {
        string traceId;
        if (request.Headers.NonValidated.TryGetValues(KooDriveHeaderNames.TraceId, out var existing))
        {
            traceId = existing.Count == 1 ? existing.ToString() : string.Empty;
            KooDriveTraceId.ThrowIfInvalid(traceId, KooDriveHeaderNames.TraceId);
        }
        else
        {
            traceId = KooDriveTraceId.Current ?? KooDriveTraceId.NewId();
            request.Headers.TryAddWithoutValidation(KooDriveHeaderNames.TraceId, traceId);
        }

        request.Options.Set(KooDriveTraceId.RequestOptionKey, traceId);
        return traceId;
    }

    private static Activity? StartActivity(HttpRequestMessage request, string traceId)
    {
        var source = KooDriveTelemetry.ActivitySource;
        if (!source.HasListeners())
        {
            return null;
        }

        var operation = KooDriveOperation.Of(request);

        // Internal: the HTTP client's own spans are the CLIENT spans beneath this logical call.
        var activity = source.StartActivity(operation?.DisplayName ?? "KooDrive " + request.Method.Method, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.path", PathOf(request));
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                activity.SetTag("server.address", uri.Host);
            }

            if (operation is not null)
            {
                activity.SetTag("url.template", operation.PathTemplate);
                activity.SetTag("koodrive.operation", operation.Id);
            }

            activity.SetTag("koodrive.trace_id", traceId);
        }

        return activity;
    }

    private static string PathOf(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : "(relative)";

    private static bool RecordTraceId(Exception exception, string traceId)
    {
        if (!exception.Data.IsReadOnly && !exception.Data.Contains(KooDriveTraceId.ExceptionDataKey))
        {
            exception.Data[KooDriveTraceId.ExceptionDataKey] = traceId;
        }

        return false;
    }

    /// <summary>What a log line names: the operation, the method and the path without its query.</summary>
    private sealed class CallName(HttpRequestMessage request)
    {
        public string Operation { get; } = KooDriveOperation.Of(request)?.Id ?? "(unknown)";

        public string Method { get; } = request.Method.Method;

        public string Path { get; } = PathOf(request);
    }
}
