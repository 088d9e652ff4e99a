using System.Globalization;
using System.Net;
using System.Text;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Resilience;
using KooDrive.Generated.Spec;
using Newtonsoft.Json;

namespace KooDrive.Generated.Errors;

/// <summary>
/// Turns every response that is not a readable success into a typed <see cref="KooDriveApiException"/>,
/// before the generated code looks at the status.
/// </summary>
/// <remarks>
/// Runs in the clients' <c>ProcessResponseAsync</c> hook, after the headers arrive and before the generated
/// status dispatch. For HTTP 200 it buffers the body (the generated code reads it again from the buffer),
/// checks the envelope, then binds the body to the operation's response type once, so a body the SDK cannot
/// read fails here, typed and with the trace ID, rather than inside the generated code.
/// </remarks>
internal static class ResponseInspector
{
    /// <summary>How much of an error body is read; enough for any envelope, bounded against huge error pages.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    public static readonly HttpRequestOptionsKey<SpecOperation> OperationKey = new("KooDrive.Generated.Operation");

    public static async Task InspectAsync(HttpResponseMessage response, JsonSerializerSettings settings, CancellationToken cancellationToken)
    {
        var (call, operation) = Describe(response);
        if (call.Status == (int)HttpStatusCode.OK)
        {
            var body = await ReadAllAsync(response, call, cancellationToken).ConfigureAwait(false);
            CheckSuccess(call, body, operation, settings);
            return;
        }

        var (text, readError) = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
        throw FromStatus(call, response, text, readError);
    }

    /// <summary>The typed failure for a response whose body could not be read at all (<paramref name="cause"/> is the inner exception).</summary>
    public static KooDriveInvalidResponseException Unreadable(HttpResponseMessage response, string problem, Exception cause) =>
        Unreadable(Describe(response).Call, problem, cause);

    private static KooDriveInvalidResponseException Unreadable(Call call, string problem, Exception cause) =>
        new(
            $"KooDrive answered HTTP {call.Status.ToString(CultureInfo.InvariantCulture)} to {call.Operation} with a body the SDK cannot read: {problem.TrimEnd('.')}.{call.TraceSuffix}",
            call.Status, null, null, call.TraceId, null, call.Headers, cause);

    private static (Call Call, SpecOperation? Operation) Describe(HttpResponseMessage response)
    {
        var request = response.RequestMessage;
        SpecOperation? operation = null;
        request?.Options.TryGetValue(OperationKey, out operation);
        var headers = CollectHeaders(response);
        var traceId = KooDriveTraceId.Get(request) ?? TraceIds.FromRequest(request) ?? TraceIds.FromHeaders(headers);
        return (new Call(operation?.OperationId ?? "the request", (int)response.StatusCode, traceId, headers), operation);
    }

    private static void CheckSuccess(Call call, string body, SpecOperation? operation, JsonSerializerSettings settings)
    {
        var envelope = ResponseEnvelope.Parse(body);
        var problem = envelope.Shape switch
        {
            EnvelopeShape.Empty => "the body is empty",
            EnvelopeShape.NotJson => "the body is not well-formed JSON",
            EnvelopeShape.NotObject => "the body is JSON but not an object",
            _ when envelope.Code is null => "the body has no 'code' (nor a gateway's 'error_code')",
            _ => null,
        };

        if (problem is not null)
        {
            throw Invalid(call, envelope, body, problem, envelope.ParseError);
        }

        if (!envelope.IsSuccess)
        {
            throw new KooDriveServiceErrorException(
                $"KooDrive refused {call.Operation} with code {envelope.Code}{Said(envelope.Message)} although the HTTP status was 200.{call.TraceSuffix}",
                call.Status, envelope.Code, envelope.Message, call.TraceId, body, call.Headers, null);
        }

        if (operation?.SuccessSchema is { } schema && typeof(KooDriveResult).Assembly.GetType($"{typeof(KooDriveResult).Namespace}.{schema}") is { } type)
        {
            try
            {
                _ = JsonConvert.DeserializeObject(body, type, settings);
            }
            catch (JsonException exception)
            {
                throw Invalid(call, envelope, body, $"the body does not match {schema}: {exception.Message}", exception);
            }
        }
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

    private static async Task<string> ReadAllAsync(HttpResponseMessage response, Call call, CancellationToken cancellationToken)
    {
        try
        {
            // Buffered, so the generated code reads the same bytes again without touching the network. The
            // pipeline's KooDriveResponseBufferingHandler has normally done this already, inside the timeouts.
            await response.Content.LoadIntoBufferAsync(KooDriveResponseBufferingHandler.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            string text;
            using (var reader = new StreamReader(stream, EncodingOf(response), detectEncodingFromByteOrderMarks: true))
            {
                text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            }

            ForgetUnusableCharset(response);
            return text;
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            throw Unreadable(call, $"its body is larger than the {KooDriveResponseBufferingHandler.MaxBodyBytes / (1024 * 1024)} MiB the SDK reads", exception);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or HttpRequestException))
        {
            throw Unreadable(call, $"reading its body failed ({exception.GetType().Name}: {exception.Message.TrimEnd('.')})", exception);
        }
    }

    /// <summary>
    /// Drops a charset no decoder knows, so that the generated code, which reads the body again with
    /// <see cref="HttpContent.ReadAsStringAsync()"/>, decodes it as UTF-8 like the SDK did instead of throwing.
    /// </summary>
    private static void ForgetUnusableCharset(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType is { CharSet: { Length: > 0 } } contentType && !IsKnownCharset(contentType.CharSet))
        {
            contentType.CharSet = null;
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

    /// <summary>The declared charset's encoding; UTF-8 when none is declared or the declared one is unknown.</summary>
    private static Encoding EncodingOf(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset && TryGetEncoding(charset, out var encoding) ? encoding : Encoding.UTF8;

    private static bool IsKnownCharset(string charset) => TryGetEncoding(charset, out _);

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
