using System.Text;
using KooDrive.Generated.Resilience;

namespace KooDrive.Generated.Errors;

/// <summary>
/// Reads a response body as text: in its declared charset, bounded for an error body, again from the buffer for
/// an exception's excerpt. No read here throws for a body the server got wrong.
/// </summary>
internal static class ResponseText
{
    /// <summary>How much of an error body is read; enough for any envelope, bounded against huge error pages.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>The declared charset's encoding; UTF-8 when none is declared or the declared one is unknown.</summary>
    public static Encoding EncodingOf(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset && TryGetEncoding(charset, out var encoding) ? encoding : Encoding.UTF8;

    /// <summary>
    /// Buffers a body for the generated method to parse and an exception to quote (done by the pipeline inside each
    /// attempt, so inside the timeouts); a body that cannot be buffered is the server's fault, typed as unreadable.
    /// </summary>
    public static async Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(KooDriveResilienceHandler.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            throw ResponseExceptionMap.Unreadable(response, $"its body is larger than the {KooDriveResilienceHandler.MaxBodyBytes / (1024 * 1024)} MiB the SDK reads", exception);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or HttpRequestException))
        {
            throw ReadFailed(response, exception);
        }
    }

    /// <summary>The exception for a body whose bytes could not be read or decoded (a corrupt encoding, a cut stream).</summary>
    public static KooDriveApiException ReadFailed(HttpResponseMessage response, Exception cause) =>
        ResponseExceptionMap.Unreadable(response, $"reading its body failed ({cause.GetType().Name}: {cause.Message.TrimEnd('.')})", cause);

    /// <summary>The buffered body as text, for an exception; null when it cannot be read again.</summary>
    public static async Task<string?> ReadBufferedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
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

    /// <summary>At most <see cref="MaxErrorBodyBytes"/> of an error body, and the error that cut the read short, if any.</summary>
    public static async Task<(string Text, Exception? Error)> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
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
}
