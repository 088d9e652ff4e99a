using System.Diagnostics;
using System.Globalization;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Spec;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KooDrive.Generated.Observability;

/// <summary>
/// Logs each KooDrive call and records it as a span of <see cref="KooDriveTelemetry.ActivitySource"/>.
/// Place it outermost, outside the resilience handler, so that one call (all its attempts) is one span
/// and one outcome line.
/// </summary>
/// <remarks>
/// <para>
/// The span is named after the operation (<c>BackupClient.DeleteBackupScopes</c>; <c>KooDrive DELETE</c> for
/// a request that matches no operation) and tagged <c>http.request.method</c>, <c>url.path</c> (no query),
/// <c>url.template</c>, <c>server.address</c>, <c>koodrive.operation</c>, <c>koodrive.trace_id</c>,
/// <c>http.response.status_code</c>, <c>koodrive.attempts</c> and, on failure, <c>error.type</c>. Retries are
/// events on it. The HTTP client's own per-attempt spans, when enabled, become its children.
/// </para>
/// <para>
/// The call's <c>X-Traceid</c> is fixed here, before any attempt (the caller's header, else the
/// <see cref="KooDriveTraceId.Begin"/> scope, else a new ID), so that every attempt, log line and span of
/// one call carries the same ID. Nothing else from the request is logged: no header values, no query, no body.
/// </para>
/// </remarks>
public sealed class KooDriveDiagnosticsHandler : DelegatingHandler
{
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the handler.</summary>
    /// <param name="logger">Where messages go; none are written when null.</param>
    /// <param name="timeProvider">The clock durations are measured with (the system clock when null).</param>
    public KooDriveDiagnosticsHandler(ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var traceId = EnsureTraceId(request);
        var state = new KooDriveCallState();
        request.Options.Set(KooDriveCallState.Key, state);

        var operation = KooDriveOperation.Of(request);
        var operationName = operation?.Id ?? "(unknown)";
        var method = request.Method.Method;
        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : "(relative)";

        using var activity = StartActivity(request, operation, path, traceId);
        state.Activity = activity;
        KooDriveLog.RequestStarting(_logger, operationName, method, path, traceId);
        var started = _timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            KooDriveLog.ResponseReceived(_logger, status >= 400 ? LogLevel.Warning : LogLevel.Information, operationName, method, path, status, elapsed, state.Attempts, traceId);
            if (activity is not null)
            {
                activity.SetTag("http.response.status_code", status);
                activity.SetTag("koodrive.attempts", state.Attempts);
                if (status >= 400)
                {
                    activity.SetTag("error.type", status.ToString(CultureInfo.InvariantCulture));
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }

            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
            KooDriveLog.RequestCanceled(_logger, operationName, method, path, elapsed, traceId);
            if (activity is not null)
            {
                activity.SetTag("error.type", "canceled");
                activity.SetTag("koodrive.attempts", state.Attempts);
                activity.SetStatus(ActivityStatusCode.Error, "canceled");
            }

            throw;
        }
        catch (Exception exception)
        {
            var errorType = exception.GetType().FullName ?? exception.GetType().Name;
            var elapsed = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
            KooDriveLog.RequestFailed(_logger, exception, operationName, method, path, errorType, elapsed, state.Attempts, traceId);
            if (activity is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetTag("koodrive.attempts", state.Attempts);
                activity.AddException(exception);
                activity.SetStatus(ActivityStatusCode.Error);
            }

            RecordTraceId(exception, traceId);
            throw;
        }
    }

    private static Activity? StartActivity(HttpRequestMessage request, KooDriveOperation? operation, string path, string? traceId)
    {
        var source = KooDriveTelemetry.ActivitySource;
        if (!source.HasListeners())
        {
            return null;
        }

        // Internal: the HTTP client's own spans are the CLIENT spans beneath this logical call.
        var activity = source.StartActivity(operation?.DisplayName ?? "KooDrive " + request.Method.Method, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.path", path);
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

    /// <summary>Fixes the call's trace ID; a malformed caller header is left for the headers handler to reject.</summary>
    private static string? EnsureTraceId(HttpRequestMessage request)
    {
        if (request.Headers.NonValidated.TryGetValues(KooDriveHeaderNames.TraceId, out var existing))
        {
            var value = existing.Count == 1 ? existing.ToString() : null;
            return KooDriveTraceId.IsValid(value) ? value : null;
        }

        var traceId = KooDriveTraceId.Current ?? KooDriveTraceId.NewId();
        request.Headers.TryAddWithoutValidation(KooDriveHeaderNames.TraceId, traceId);
        return traceId;
    }

    private static void RecordTraceId(Exception exception, string? traceId)
    {
        if (traceId is not null && !exception.Data.IsReadOnly && !exception.Data.Contains(KooDriveTraceId.ExceptionDataKey))
        {
            exception.Data[KooDriveTraceId.ExceptionDataKey] = traceId;
        }
    }
}
