using System.Globalization;
using System.Net;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Spec;

namespace KooDrive.Generated.Errors;

/// <summary>
/// The one place a response becomes an exception: every response that is not HTTP 200, before the generated code
/// looks at the status, and every HTTP 200 <see cref="Serialization.ResponseBodyReader"/> cannot bind or whose
/// envelope refuses. Each builds a <see cref="FailedResponse"/>; <see cref="Create"/> picks the exception type.
/// </summary>
/// <remarks>
/// Runs in the clients' <c>ProcessResponseAsync</c> hook, after the headers arrive. A 200 body is buffered here and
/// parsed once, by the generated method; its envelope is checked from that same parse.
/// </remarks>
internal static class ResponseExceptionMap
{
    private enum Failure
    {
        /// <summary>An HTTP status other than 200: typed by the status.</summary>
        Status,

        /// <summary>HTTP 200 whose envelope carries a code other than 0.</summary>
        ServiceRefusal,

        /// <summary>A body that is not the documented JSON, or could not be read.</summary>
        InvalidBody,
    }

    /// <summary>Buffers an HTTP 200 body; throws the mapped exception for any other status.</summary>
    public static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.OK)
        {
            await ResponseText.BufferAsync(response, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (body, readError) = await ResponseText.ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
        throw FromStatus(Describe(response), response, body, readError);
    }

    /// <summary>
    /// The exception for an HTTP 200 body that cannot be bound to its model: a service refusal when its envelope
    /// says so (a gateway's <c>APIGW.0301</c> does not fit the model's integer <c>code</c>), else an invalid response
    /// saying what is wrong with the body.
    /// </summary>
    public static async Task<KooDriveApiException> UnboundBodyAsync(HttpResponseMessage response, string problem, Exception? inner, CancellationToken cancellationToken)
    {
        var call = Describe(response);
        var body = await ResponseText.ReadBufferedAsync(response, cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var envelope = ResponseEnvelope.Parse(body);
        if (envelope.Shape == EnvelopeShape.Object && envelope.Code is not null && !envelope.IsSuccess)
        {
            return Refused(call, envelope.Code, envelope.Message, body, inner);
        }

        var shown = envelope.Shape switch
        {
            EnvelopeShape.Empty => "the body is empty",
            EnvelopeShape.NotJson => "the body is not well-formed JSON",
            EnvelopeShape.NotObject => "the body is JSON but not an object",
            _ when envelope.Code is null => "the body has no 'code' (nor a gateway's 'error_code')",
            _ => problem,
        };
        var excerpt = envelope.Shape is EnvelopeShape.NotJson or EnvelopeShape.NotObject ? $" Body starts: {Excerpt(body)}." : string.Empty;
        return Create(Failure.InvalidBody, new(
            CannotRead(call, shown) + excerpt + call.TraceSuffix,
            call.Status, envelope.Code, envelope.Message, call.TraceId, body, call.Headers, inner ?? envelope.ParseError));
    }

    /// <summary>The exception for an HTTP 200 whose envelope carries a code other than 0.</summary>
    public static async Task<KooDriveApiException> ServiceErrorAsync(HttpResponseMessage response, KooDriveResult result, CancellationToken cancellationToken)
    {
        var body = await ResponseText.ReadBufferedAsync(response, cancellationToken).ConfigureAwait(false);
        return Refused(Describe(response), result.Code.ToString(CultureInfo.InvariantCulture), result.Msg, body, null);
    }

    /// <summary>The exception for a response whose body could not be read at all (<paramref name="cause"/> is the inner exception).</summary>
    public static KooDriveApiException Unreadable(HttpResponseMessage response, string problem, Exception cause)
    {
        var call = Describe(response);
        return Create(Failure.InvalidBody, new(CannotRead(call, problem) + call.TraceSuffix, call.Status, null, null, call.TraceId, null, call.Headers, cause));
    }

    /// <summary>
    /// What an exception built by NSwag's generated code knows, from its arguments alone: the envelope is read from
    /// the body and the trace ID from the headers, as for every other exception.
    /// </summary>
    public static FailedResponse FromGeneratedCode(string message, int statusCode, string? body, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? inner)
    {
        var envelope = ResponseEnvelope.Parse(body);
        headers ??= new Dictionary<string, IEnumerable<string>>();
        return new(message, statusCode, envelope.Code, envelope.Message, TraceIds.FromHeaders(headers), body, headers, inner);
    }

    /// <summary>The map: what went wrong, then the HTTP status, to the exception type a caller catches.</summary>
    private static KooDriveApiException Create(Failure failure, FailedResponse response) => (failure, response.StatusCode) switch
    {
        (Failure.InvalidBody, _) => new KooDriveInvalidResponseException(response),
        (Failure.ServiceRefusal, _) => new KooDriveServiceErrorException(response),
        (_, 400) => new KooDriveBadRequestException(response),
        (_, 401) => new KooDriveUnauthorizedException(response),
        (_, 404) => new KooDriveNotFoundException(response),
        (_, 429) => new KooDriveThrottledException(response),
        (_, >= 500 and <= 599) => new KooDriveServerException(response),
        _ => new KooDriveApiException(response),
    };

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
        return Create(Failure.Status, new(message, call.Status, envelope.Code, envelope.Message, call.TraceId, body, call.Headers, readError)
        {
            RetryAfter = RetryAfter(response),
        });
    }

    private static KooDriveApiException Refused(Call call, string code, string? said, string? body, Exception? inner) =>
        Create(Failure.ServiceRefusal, new(
            $"KooDrive refused {call.Operation} with code {code}{Said(said)} although the HTTP status was 200.{call.TraceSuffix}",
            call.Status, code, said, call.TraceId, body, call.Headers, inner));

    private static string CannotRead(Call call, string problem) =>
        $"KooDrive answered HTTP {call.Status.ToString(CultureInfo.InvariantCulture)} to {call.Operation} with a body the SDK cannot read: {problem.TrimEnd('.')}.";

    private static Call Describe(HttpResponseMessage response)
    {
        var request = response.RequestMessage;
        var headers = CollectHeaders(response);
        var traceId = KooDriveTraceId.Get(request) ?? TraceIds.FromRequest(request) ?? TraceIds.FromHeaders(headers);
        return new Call(KooDriveOperation.Of(request)?.Id ?? "the request", (int)response.StatusCode, traceId, headers);
    }

    // The same reading as the retry policy's: server time, from the response's Date or the shared clock.
    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        Resilience.RetryAfter.TryGetDelay(response, Resilience.RetryAfter.ClockOf(response.RequestMessage), out var delay) ? delay : null;

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
