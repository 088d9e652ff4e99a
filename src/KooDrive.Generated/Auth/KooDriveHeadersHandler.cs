using System.Net;

namespace KooDrive.Generated.Auth;

/// <summary>
/// Adds the headers every KooDrive request carries and keeps <c>X-Date</c> acceptable to the server.
/// Place it outside (before) the authentication handler, which signs the values it sets.
/// </summary>
/// <remarks>
/// <para>Per request it sets:</para>
/// <list type="bullet">
/// <item><c>X-Traceid</c>: kept when the request already has one (it must be valid), else the ID of the
/// active <see cref="KooDriveTraceId.Begin"/> scope, else a new one. Recorded in the request's options and
/// in the <see cref="Exception.Data"/> of any exception that passes through (<see cref="KooDriveTraceId"/>).</item>
/// <item><c>X-User-Id</c>: the configured user, replacing any value already present.</item>
/// <item><c>language</c>: the configured language, only when one is configured and the request has none.</item>
/// <item><c>X-Date</c>: <see cref="KooDriveClock.GetXDate"/>, fresh for every attempt.</item>
/// </list>
/// <para>
/// Before anything is sent, every header value is checked: CR, LF or any other control character, or any
/// character beyond ASCII (which the transport would refuse only when sending), fails the call with an
/// <see cref="ArgumentException"/> naming the header (never quoting the value); <c>x-backup-lock-id</c> and
/// <c>language</c> must moreover be non-empty printable ASCII without leading or trailing spaces. The request body is buffered once, so that the bytes signed
/// are the bytes sent and a retry can send them again.
/// </para>
/// <para>
/// Every response's <c>Date</c> teaches the shared <see cref="KooDriveClock"/>. A response counts as
/// <em>refused for its time</em> when its status is 400 or 401, it has a <c>Date</c> header, and the
/// <c>X-Date</c> that was sent is later than that <c>Date</c> (in the future for the server) or at least
/// 15 minutes older than it (expired). Such a request is sent once more, with an <c>X-Date</c> from the
/// corrected clock (and, through the inner handler, a new signature); the second answer is returned whatever it is.
/// </para>
/// </remarks>
public sealed class KooDriveHeadersHandler : DelegatingHandler
{
    private readonly string _userId;
    private readonly string? _language;
    private readonly KooDriveClock _clock;

    /// <summary>Creates the handler.</summary>
    /// <param name="userId">The KooDrive user ID sent as <c>X-User-Id</c>.</param>
    /// <param name="clock">The server clock estimate, shared by all requests to the service.</param>
    /// <param name="language">The <c>language</c> header value, or null to send none.</param>
    /// <exception cref="ArgumentException">A value is empty or not visible ASCII.</exception>
    public KooDriveHeadersHandler(string userId, KooDriveClock clock, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(clock);
        if (!IsValidHeaderSetting(userId))
        {
            throw new ArgumentException("The user ID must be non-empty visible ASCII without leading or trailing spaces.", nameof(userId));
        }

        if (language is not null && !IsValidHeaderSetting(language))
        {
            throw new ArgumentException("The language must be null or non-empty visible ASCII without leading or trailing spaces.", nameof(language));
        }

        _userId = userId;
        _language = language;
        _clock = clock;
    }

    /// <summary>The clock <c>X-Date</c> is taken from.</summary>
    public KooDriveClock Clock => _clock;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var traceId = ApplyTraceId(request);
        Replace(request, KooDriveHeaderNames.UserId, _userId);
        if (_language is not null && !request.Headers.Contains(KooDriveHeaderNames.Language))
        {
            request.Headers.TryAddWithoutValidation(KooDriveHeaderNames.Language, _language);
        }

        ValidateHeaders(request);
        try
        {
            if (request.Content is not null)
            {
                await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }

            var sentXDate = _clock.GetXDate();
            Replace(request, KooDriveHeaderNames.Date, sentXDate);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _clock.Observe(response);
            if (!IsRefusedForTime(response, sentXDate))
            {
                return response;
            }

            response.Dispose();
            Replace(request, KooDriveHeaderNames.Date, _clock.GetXDate());
            var retried = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _clock.Observe(retried);
            return retried;
        }
        catch (Exception exception) when (RecordTraceId(exception, traceId))
        {
            throw; // Unreachable: the filter only annotates the exception and never catches it.
        }
    }

    internal static bool IsValidHeaderSetting(string value) =>
        value.Length > 0
        && HeaderValueGuard.IsPrintableAscii(value, allowSpaces: true)
        && value[0] != ' '
        && value[^1] != ' ';

    private static bool IsRefusedForTime(HttpResponseMessage response, string sentXDate)
    {
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
            || response.Headers.Date is not { } serverDate
            || !KooDriveClock.TryParseXDate(sentXDate, out var sentAt))
        {
            return false;
        }

        return sentAt > serverDate || serverDate - sentAt >= KooDriveClock.SignatureValidity;
    }

    private static string ApplyTraceId(HttpRequestMessage request)
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
        }

        Replace(request, KooDriveHeaderNames.TraceId, traceId);
        request.Options.Set(KooDriveTraceId.RequestOptionKey, traceId);
        return traceId;
    }

    private static void ValidateHeaders(HttpRequestMessage request)
    {
        HeaderValueGuard.ThrowIfAnyInvalid(request.Headers);
        if (request.Content is not null)
        {
            HeaderValueGuard.ThrowIfAnyInvalid(request.Content.Headers);
        }

        if (request.Headers.NonValidated.TryGetValues(KooDriveHeaderNames.BackupLockId, out var lockIds))
        {
            foreach (var lockId in lockIds)
            {
                if (string.IsNullOrWhiteSpace(lockId))
                {
                    throw HeaderValueGuard.InvalidHeader(
                        KooDriveHeaderNames.BackupLockId,
                        "The 'x-backup-lock-id' header must not be empty: pass the lockId returned when the backup lock was created; the request was not sent.");
                }

                HeaderValueGuard.ThrowIfNotPrintableAscii(KooDriveHeaderNames.BackupLockId, lockId);
            }
        }

        if (request.Headers.NonValidated.TryGetValues(KooDriveHeaderNames.Language, out var languages))
        {
            foreach (var language in languages)
            {
                HeaderValueGuard.ThrowIfNotPrintableAscii(KooDriveHeaderNames.Language, language);
            }
        }
    }

    private static bool RecordTraceId(Exception exception, string traceId)
    {
        if (!exception.Data.IsReadOnly && !exception.Data.Contains(KooDriveTraceId.ExceptionDataKey))
        {
            exception.Data[KooDriveTraceId.ExceptionDataKey] = traceId;
        }

        return false;
    }

    private static void Replace(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}
