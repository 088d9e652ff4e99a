using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KooDrive.Generated.Tests.Resilience.Support;

/// <summary>What a <see cref="RawHttpServer"/> writes on one connection, and what it does afterwards.</summary>
/// <param name="Bytes">The exact bytes written: status line, headers and (part of) a body.</param>
/// <param name="Stall">True to keep the connection open without writing more; false to close it.</param>
internal sealed record RawAnswer(byte[] Bytes, bool Stall = false)
{
    /// <summary>A response whose head is <paramref name="head"/> (lines without the final blank line) followed by <paramref name="body"/>.</summary>
    public static RawAnswer Of(string head, byte[] body, bool stall = false) =>
        new([.. Encoding.ASCII.GetBytes(head.ReplaceLineEndings("\r\n").TrimEnd() + "\r\n\r\n"), .. body], stall);

    public static RawAnswer Json(string body, string contentType = "application/json") =>
        Of($"HTTP/1.1 200 OK\nContent-Type: {contentType}\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\nConnection: close", Encoding.UTF8.GetBytes(body));
}

/// <summary>
/// A loopback HTTP/1.1 server on port 0 that writes exactly the bytes a test gives it, one request per
/// connection: enough to send a body that stalls, is cut short, or does not decode.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, RawAnswer> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<Task> _connections = [];
    private int _count;

    /// <param name="answer">The answer for the n-th connection (1-based).</param>
    public RawHttpServer(Func<int, RawAnswer> answer)
    {
        _answer = answer;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Address { get; }

    /// <summary>How many requests arrived.</summary>
    public int Requests => Volatile.Read(ref _count);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            lock (_connections)
            {
                _connections.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadRequestAsync(stream);
                var answer = _answer(Interlocked.Increment(ref _count));
                await stream.WriteAsync(answer.Bytes, _stop.Token);
                await stream.FlushAsync(_stop.Token);
                if (answer.Stall)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
                // The client gave up on the connection (a timeout): expected in these tests.
            }
        }
    }

    private async Task ReadRequestAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var chunk = new byte[4096];
        int end;
        while ((end = IndexOfHeaderEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return;
            }

            received.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. received.GetRange(0, end)]);
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var body = received.Count - (end + 4);
        while (body < length)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return;
            }

            body += read;
        }
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
