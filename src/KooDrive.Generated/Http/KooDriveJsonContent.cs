using System.Buffers;
using System.Net;
using System.Text;
using Newtonsoft.Json;

namespace KooDrive.Generated.Http;

/// <summary>
/// A JSON request body written once, by Newtonsoft.Json, as UTF-8 into a pooled buffer: the bytes the transport
/// sends, the bytes the app signature hashes (<see cref="Utf8Bytes"/>) and the bytes a retry sends again. The
/// generated methods create it; disposing the request returns the buffer to the pool.
/// </summary>
internal sealed class KooDriveJsonContent : HttpContent
{
    private readonly int _length;
    private byte[]? _buffer;

    // Writes still running. SocketsHttpHandler may go on sending a body after the response has arrived and the
    // request been disposed; the buffer returns to the pool only when the last write is done, so the transport
    // never sends bytes a later request has written into it.
    private int _writers;
    private int _disposed;

    private KooDriveJsonContent(byte[] buffer, int length, string mediaType)
    {
        _buffer = buffer;
        _length = length;

        // Stored as sent, not parsed: nothing reads it back on the way out.
        Headers.TryAddWithoutValidation("Content-Type", mediaType);
    }

    /// <summary>The body: the exact bytes sent.</summary>
    public ReadOnlyMemory<byte> Utf8Bytes => new(_buffer ?? throw new ObjectDisposedException(nameof(KooDriveJsonContent)), 0, _length);

    /// <summary>Writes <paramref name="body"/> with <paramref name="write"/> into a pooled UTF-8 buffer.</summary>
    /// <typeparam name="T">The request model's type.</typeparam>
    /// <param name="body">The request model.</param>
    /// <param name="write">Its generated writer (<see cref="Serialization.KooDriveModelIO"/>), which writes what Newtonsoft's contract for it would.</param>
    /// <param name="mediaType">The spec's request media type, sent as <c>Content-Type</c>.</param>
    /// <returns>The content; the request that carries it disposes it.</returns>
    public static KooDriveJsonContent Create<T>(T body, Action<JsonWriter, T> write, string mediaType)
    {
        var writer = new PooledUtf8Writer();
        try
        {
            using (var json = new JsonTextWriter(writer) { ArrayPool = CharPool.Instance, CloseOutput = false })
            {
                write(json, body);
            }

            var (buffer, length) = writer.Detach();
            return new KooDriveJsonContent(buffer, length, mediaType);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc />
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var bytes = BeginWrite();
        try
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            EndWrite();
        }
    }

    /// <inheritdoc />
    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var bytes = BeginWrite();
        try
        {
            stream.Write(bytes.Span);
        }
        finally
        {
            EndWrite();
        }
    }

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new MemoryStream(_buffer ?? throw new ObjectDisposedException(nameof(KooDriveJsonContent)), 0, _length, writable: false));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Both sides publish with a full fence before reading the other's flag: either this sees the
            // writer, or the writer sees the disposal.
            Interlocked.Exchange(ref _disposed, 1);
            if (Volatile.Read(ref _writers) == 0)
            {
                ReturnBuffer();
            }
        }

        base.Dispose(disposing);
    }

    private ReadOnlyMemory<byte> BeginWrite()
    {
        Interlocked.Increment(ref _writers);
        var buffer = Volatile.Read(ref _buffer);
        if (buffer is null || Volatile.Read(ref _disposed) == 1)
        {
            EndWrite();
            throw new ObjectDisposedException(nameof(KooDriveJsonContent));
        }

        return new ReadOnlyMemory<byte>(buffer, 0, _length);
    }

    private void EndWrite()
    {
        if (Interlocked.Decrement(ref _writers) == 0 && Volatile.Read(ref _disposed) == 1)
        {
            ReturnBuffer();
        }
    }

    private void ReturnBuffer()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Newtonsoft's char buffers, from the shared pool.</summary>
    private sealed class CharPool : IArrayPool<char>
    {
        public static readonly CharPool Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }

    /// <summary>
    /// A <see cref="TextWriter"/> that collects the JSON text in a pooled char buffer and encodes it to UTF-8 once, into
    /// a pooled byte buffer: Newtonsoft writes a body in hundreds of tiny pieces (a quote, a comma, one value), and
    /// encoding each piece on its own costs more than writing it.
    /// </summary>
    private sealed class PooledUtf8Writer : TextWriter
    {
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

        private char[]? _chars = ArrayPool<char>.Shared.Rent(4096);
        private int _count;

        public PooledUtf8Writer()
            : base(System.Globalization.CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => Utf8;

        public override void Write(char value)
        {
            if (_count == _chars!.Length)
            {
                Grow(1);
            }

            _chars[_count++] = value;
        }

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(ReadOnlySpan<char> buffer)
        {
            if (buffer.Length > _chars!.Length - _count)
            {
                Grow(buffer.Length);
            }

            buffer.CopyTo(_chars.AsSpan(_count));
            _count += buffer.Length;
        }

        /// <summary>Encodes the text into a pooled buffer and hands it to the caller, who returns it to the pool.</summary>
        public (byte[] Buffer, int Length) Detach()
        {
            // A lone surrogate becomes U+FFFD, as any UTF-8 encoding of the text would make it.
            var text = _chars.AsSpan(0, _count);
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(Utf8.GetByteCount(text), 1));
            return (buffer, Utf8.GetBytes(text, buffer));
        }

        protected override void Dispose(bool disposing)
        {
            if (_chars is { } chars)
            {
                _chars = null;
                ArrayPool<char>.Shared.Return(chars);
            }

            base.Dispose(disposing);
        }

        private void Grow(int more)
        {
            var next = ArrayPool<char>.Shared.Rent(Math.Max(_chars!.Length * 2, _count + more));
            _chars.AsSpan(0, _count).CopyTo(next);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = next;
        }
    }
}
