using KooDrive.Generated.Errors;
using Newtonsoft.Json;

namespace KooDrive.Generated.Serialization;

/// <summary>
/// Binds an HTTP 200 body to its model in one streaming pass (the generated methods' <c>ReadObjectResponseAsync</c>),
/// and checks the envelope from that same pass: a <c>code</c> other than 0 is a <see cref="KooDriveServiceErrorException"/>,
/// a body that cannot be bound is a <see cref="KooDriveInvalidResponseException"/> saying why.
/// </summary>
/// <remarks>
/// Every model carries <c>code</c> and <c>msg</c>, so the envelope needs no second read: the bytes the pipeline
/// buffered are decoded once, through a pooled character buffer. The body is read again only to describe a failure.
/// </remarks>
internal static class ResponseBodyReader
{
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        T? body;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var text = new StreamReader(stream, ResponseText.EncodingOf(response), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            using var json = CreateReader(text);
            body = (T?)ModelReading.ReadDocument(json, typeof(T));
        }
        catch (JsonException exception)
        {
            throw await ResponseExceptionMap.UnboundBodyAsync(response, $"the body does not match {typeof(T).Name}: {exception.Message.TrimEnd('.')}", exception, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is System.Text.DecoderFallbackException or IOException)
        {
            throw ResponseText.ReadFailed(response, exception);
        }

        if (body is null)
        {
            throw await ResponseExceptionMap.UnboundBodyAsync(response, "the body is JSON null", null, cancellationToken).ConfigureAwait(false);
        }

        if (body is KooDriveResult { Code: not 0 } refused)
        {
            throw await ResponseExceptionMap.ServiceErrorAsync(response, refused, cancellationToken).ConfigureAwait(false);
        }

        return body;
    }

    /// <summary>
    /// The JSON reader a body is read with: strings stay strings, other numbers are doubles (the IDs and string members
    /// are read from the raw text), the character buffer is pooled, and a declared member's name is the generated
    /// table's instance rather than a new string.
    /// </summary>
    internal static JsonTextReader CreateReader(TextReader text) => new(text)
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Double,
        ArrayPool = SharedCharPool.Instance,
        PropertyNameTable = KooDriveModelIO.Names,
    };

    // The reader's character buffer is rented and returned when it is disposed, instead of allocated per response.
    private sealed class SharedCharPool : IArrayPool<char>
    {
        public static SharedCharPool Instance { get; } = new();

        public char[] Rent(int minimumLength) => System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(array);
            }
        }
    }
}
