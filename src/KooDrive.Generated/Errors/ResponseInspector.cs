using System.Globalization;
using System.Net;
using System.Text;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Resilience;
using KooDrive.Generated.Spec;

namespace KooDrive.Generated.Errors;

/// <summary>
/// Turns every response that is not HTTP 200 into a typed <see cref="KooDriveApiException"/>, before the
/// generated code looks at the status, and builds the typed failures <see cref="Serialization.ResponseBodyReader"/>
/// raises for a 200 it cannot bind.
/// </summary>
/// <remarks>
/// Runs in the clients' <c>ProcessResponseAsync</c> hook, after the headers arrive. A 200 body is buffered here and
/// parsed once, by the generated method; its envelope is checked from that same parse.
/// </remarks>
internal static class ResponseInspector
{
    /// <summary>How much of an error body is read; enough for any envelope, bounded against huge error pages.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    public static async Task InspectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.OK)
        {
            // The body is parsed once, by the generated method (ResponseBodyReader). Buffering it here (normally
            // already done by the pipeline, inside the timeouts) keeps it re-readable for an exception excerpt.
            await BufferAsync(response, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (text, readError) = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
        throw FromStatus(Describe(response), response, text, readError);
    }

    /// <summary>
    /// The typed failure for an HTTP 200 body that cannot be bound to its model: a service error when its envelope
    /// says so (a gateway's <c>APIGW.0301</c> does not fit the model's integer <c>code</c>), else an invalid response
    /// saying what is wrong with the body.
    /// </summary>
    public static async Task<KooDriveApiException> UnboundBodyAsync(HttpResponseMessage response, string problem, Exception? inner, CancellationToken cancellationToken)
    {
        var call = Describe(response);
        var body = await ReadBufferedTextAsync(response, cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var envelope = ResponseEnvelope.Parse(body);
        if (envelope.Shape == EnvelopeShape.Object && envelope.Code is not null && !envelope.IsSuccess)
        {
            return new KooDriveServiceErrorException(
                $"KooDrive refused {call.Operation} with code {envelope.Code}{Said(envelope.Message)} although the HTTP status was 200.{call.TraceSuffix}",
                call.Status, envelope.Code, envelope.Message, call.TraceId, body, call.Headers, inner);
        }

        var shown = envelope.Shape switch
        {
            EnvelopeShape.Empty => "the body is empty",
            EnvelopeShape.NotJson => "the body is not well-formed JSON",
            EnvelopeShape.NotObject => "the body is JSON but not an object",
            _ when envelope.Code is null => "the body has no 'code' (nor a gateway's 'error_code')",
            _ => problem,
        };
        return Invalid(call, envelope, body, shown, inner ?? envelope.ParseError);
    }

    /// <summary>The typed failure for an HTTP 200 whose envelope carries a code other than 0.</summary>
    public static async Task<KooDriveServiceErrorException> ServiceErrorAsync(HttpResponseMessage response, KooDriveResult result, CancellationToken cancellationToken)
    {
        var call = Describe(response);
        var body = await ReadBufferedTextAsync(response, cancellationToken).ConfigureAwait(false);
        var code = result.Code.ToString(CultureInfo.InvariantCulture);
        return new KooDriveServiceErrorException(
            $"KooDrive refused {call.Operation} with code {code}{Said(result.Msg)} although the HTTP status was 200.{call.TraceSuffix}",
            call.Status, code, result.Msg, call.TraceId, body, call.Headers, null);
    }

    /// <summary>The declared charset's encoding; UTF-8 when none is declared or the declared one is unknown.</summary>
    public static Encoding EncodingOf(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset && TryGetEncoding(charset, out var encoding) ? encoding : Encoding.UTF8;

    /// <summary>The typed failure for a response whose body could not be read at all (<paramref name="cause"/> is the inner exception).</summary>
    public static KooDriveInvalidResponseException Unreadable(HttpResponseMessage response, string problem, Exception cause) =>
        Unreadable(Describe(response), problem, cause);

    private static KooDriveInvalidResponseException Unreadable(Call call, string problem, Exception cause) =>
        new(
            $"KooDrive answered HTTP {call.Status.ToString(CultureInfo.InvariantCulture)} to {call.Operation} with a body the SDK cannot read: {problem.TrimEnd('.')}.{call.TraceSuffix}",
            call.Status, null, null, call.TraceId, null, call.Headers, cause);

    private static Call Describe(HttpResponseMessage response)
    {
        var request = response.RequestMessage;
        var headers = CollectHeaders(response);
        var traceId = KooDriveTraceId.Get(request) ?? TraceIds.FromRequest(request) ?? TraceIds.FromHeaders(headers);
        return new Call(KooDriveOperation.Of(request)?.Id ?? "the request", (int)response.StatusCode, traceId, headers);
    }

    private static KooDriveApiException FromStatus(Call call, HttpResponseMessage response, string body, Exception? readError)
    {
        var envelope = ResponseEnvelope.Parse(body);
        var reason = response.ReasonPhrase is { Length: > 0 } phrase ? phrase : ((HttpStatusCode)call.Status).ToString();
        var account = envelope.Code is not null
            ? $" with code {envelope.Code}{Said(envelope.Message)}"
            : envelope.Shape switch
            {
                EnvelopeShape.Empty => " with an empty body",
                EnvelopeShape.Object => " with neither 'code' nor a gateway's 'error_code' in its body",
                _ => $" with a body that is not the JSON envelope ({Excerpt(body)})",
            };
        var message = string.Create(CultureInfo.InvariantCulture, $"KooDrive answered HTTP {call.Status} ({reason}) to {call.Operation}{account}.{call.TraceSuffix}");
        var (status, code, said, trace, headers) = (call.Status, envelope.Code, envelope.Message, call.TraceId, call.Headers);
        return call.Status switch
        {
            400 => new KooDriveBadRequestException(message, status, code, said, trace, body, headers, readError),
            401 => new KooDriveUnauthorizedException(message, status, code, said, trace, body, headers, readError),
            404 => new KooDriveNotFoundException(message, status, code, said, trace, body, headers, readError),
            429 => new KooDriveThrottledException(message, status, code, said, trace, body, headers, RetryAfter(response), readError),
            >= 500 and <= 599 => new KooDriveServerException(message, status, code, said, trace, body, headers, readError),
            _ => new KooDriveApiException(message, status, code, said, trace, body, headers, readError),
        };
    }

    private static KooDriveInvalidResponseException Invalid(Call call, ResponseEnvelope envelope, string body, string problem, Exception? inner)
    {
        var shown = envelope.Shape is EnvelopeShape.NotJson or EnvelopeShape.NotObject ? $" Body starts: {Excerpt(body)}." : string.Empty;
        return new KooDriveInvalidResponseException(
            $"KooDrive answered HTTP {call.Status.ToString(CultureInfo.InvariantCulture)} to {call.Operation} with a body the SDK cannot read: {problem.TrimEnd('.')}.{shown}{call.TraceSuffix}",
            call.Status, envelope.Code, envelope.Message, call.TraceId, body, call.Headers, inner);
    }

    // The same reading as the retry policy's: server time, from the response's Date or the shared clock.
    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        Resilience.RetryAfter.TryGetDelay(response, Resilience.RetryAfter.ClockOf(response.RequestMessage), out var delay) ? delay : null;

    private static async Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(KooDriveResponseBufferingHandler.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            throw Unreadable(Describe(response), $"its body is larger than the {KooDriveResponseBufferingHandler.MaxBodyBytes / (1024 * 1024)} MiB the SDK reads", exception);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or HttpRequestException))
        {
            throw Unreadable(Describe(response), $"reading its body failed ({exception.GetType().Name}: {exception.Message.TrimEnd('.')})", exception);
        }
    }

    /// <summary>The buffered body as text, for an exception; null when it cannot be read again.</summary>
    private static async Task<string?> ReadBufferedTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            if (stream.CanSeek)
            {
                stream.Position = 0;
            }

            using var reader = new StreamReader(stream, EncodingOf(response), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task<(string Text, Exception? Error)> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxErrorBodyBytes];
        var length = 0;
        Exception? error = null;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The status already says what happened; keep what arrived and report the broken read (a cut
            // connection, a corrupt gzip stream) as the cause.
            error = exception;
        }

        using var reader = new StreamReader(new MemoryStream(buffer, 0, length), EncodingOf(response), detectEncodingFromByteOrderMarks: true);
        return (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), error);
    }

    private static bool TryGetEncoding(string charset, out Encoding encoding)
    {
        try
        {
            encoding = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
            return false;
        }
    }

    private static Dictionary<string, IEnumerable<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = values;
        }

        foreach (var (name, values) in response.Content.Headers)
        {
            headers[name] = values;
        }

        return headers;
    }

    private static string Said(string? message) => message is null ? string.Empty : $" ('{Excerpt(message)}')";

    private static string Excerpt(string text)
    {
        const int Max = 200;
        var shown = text.Length <= Max ? text : string.Concat(text.AsSpan(0, Max), "…");
        return string.Create(shown.Length, shown, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
    }

    private sealed record Call(string Operation, int Status, string? TraceId, IReadOnlyDictionary<string, IEnumerable<string>> Headers)
    {
        public string TraceSuffix => TraceId is null ? string.Empty : $" Trace ID: {TraceId}.";
    }
}
