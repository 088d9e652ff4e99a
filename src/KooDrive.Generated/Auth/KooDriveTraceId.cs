namespace KooDrive.Generated.Auth;

/// <summary>
/// The <c>X-Traceid</c> of KooDrive calls: 58 characters of visible ASCII, generated per call unless the caller
/// supplies one with <see cref="Begin"/>. The ID a call was sent with is in <c>KooDriveApiException.TraceId</c>
/// and in the <see cref="Exception.Data"/> of any other exception the pipeline lets through, under
/// <see cref="ExceptionDataKey"/>. The pipeline's call handler is the one place that fixes a call's ID.
/// </summary>
/// <example>
/// <code>
/// using (KooDriveTraceId.Begin(myTraceId))
/// {
///     await backupClient.UnbindDeviceAsync(deviceId, ct); // sent with X-Traceid: myTraceId
/// }
/// </code>
/// </example>
public static class KooDriveTraceId
{
    /// <summary>The length of a trace ID: 58 characters.</summary>
    internal const int Length = 58;

    /// <summary>The <see cref="Exception.Data"/> key under which the pipeline records the trace ID of a failed call.</summary>
    public const string ExceptionDataKey = "KooDrive.TraceId";

    private static readonly AsyncLocal<string?> Ambient = new();

    /// <summary>The request option holding the trace ID a request was sent with.</summary>
    internal static HttpRequestOptionsKey<string> RequestOptionKey { get; } = new("KooDrive.TraceId");

    /// <summary>The trace ID supplied by the innermost active <see cref="Begin"/> scope of this async flow, if any.</summary>
    internal static string? Current => Ambient.Value;

    /// <summary>
    /// Sends every KooDrive request of the current async flow with <paramref name="traceId"/> until the
    /// returned scope is disposed (scopes nest; disposing restores the outer one).
    /// </summary>
    /// <param name="traceId">58 characters of visible ASCII, without spaces.</param>
    /// <returns>The scope; dispose it to end it.</returns>
    /// <exception cref="ArgumentException"><paramref name="traceId"/> is not a valid trace ID.</exception>
    public static IDisposable Begin(string traceId)
    {
        ThrowIfInvalid(traceId, nameof(traceId));
        var scope = new Scope(Ambient.Value);
        Ambient.Value = traceId;
        return scope;
    }

    /// <summary>Generates a new trace ID: 58 lower-case hex digits, random.</summary>
    /// <returns>A new trace ID.</returns>
    /// <remarks>
    /// A trace ID names a call; it guards nothing, so its 232 bits come from <see cref="Random.Shared"/> (seeded by
    /// the operating system), as .NET's own trace IDs do. A cryptographic source would load OpenSSL into every
    /// process on its first call, which in token mode nothing else needs.
    /// </remarks>
    internal static string NewId()
    {
        Span<byte> bytes = stackalloc byte[Length / 2];
        Random.Shared.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>True for exactly 58 characters of visible ASCII (no spaces, no control characters).</summary>
    /// <param name="traceId">The candidate.</param>
    /// <returns>Whether the value can be sent as <c>X-Traceid</c>.</returns>
    internal static bool IsValid(string? traceId) =>
        traceId is { Length: Length } && HeaderValueGuard.IsToken(traceId);

    /// <summary>The trace ID <paramref name="request"/> was sent with, when it went through the KooDrive pipeline.</summary>
    /// <param name="request">A request, e.g. <see cref="HttpResponseMessage.RequestMessage"/>.</param>
    /// <returns>The trace ID, or null.</returns>
    internal static string? Get(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(RequestOptionKey, out var traceId) ? traceId : null;

    internal static void ThrowIfInvalid(string? traceId, string paramName)
    {
        if (!IsValid(traceId))
        {
            throw new ArgumentException(
                $"A KooDrive trace ID (X-Traceid) must be exactly {Length} characters of visible ASCII, without spaces or control characters.",
                paramName);
        }
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Ambient.Value = previous;
            }
        }
    }
}
