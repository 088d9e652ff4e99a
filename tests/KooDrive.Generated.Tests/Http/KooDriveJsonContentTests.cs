using System.Text;
using KooDrive.Generated.Http;
using KooDrive.Generated.Serialization;
using Newtonsoft.Json;

namespace KooDrive.Generated.Tests.Http;

public class KooDriveJsonContentTests
{
    private static readonly JsonSerializerSettings Settings = KooDriveJsonSettings.Create();

    public static TheoryData<int, string> Bodies() => new()
    {
        { 1, "1842846715527366528" },
        { 3, "相册 ü \U0001F600 \"quoted\" \\ back" },
        { 400, "1842846715527366528" }, // far beyond the first pooled buffer
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task The_bytes_sent_are_Newtonsofts_text_in_UTF_8_and_a_second_send_repeats_them(int count, string id)
    {
        var body = new DeleteBackupScopesRequest();
        for (var i = 0; i < count; i++)
        {
            body.ScopeIdList.Add(id + i);
        }

        using var content = KooDriveJsonContent.Create(body, KooDriveModelIO.Write, "application/json");

        var expected = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(body, Settings));
        Assert.Equal(expected, content.Utf8Bytes.ToArray());
        Assert.Equal(expected, await content.ReadAsByteArrayAsync());
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        await content.CopyToAsync(first);
        await content.CopyToAsync(second);
        Assert.Equal(expected, first.ToArray());
        Assert.Equal(expected, second.ToArray());
        Assert.Equal(expected.Length, content.Headers.ContentLength);
        Assert.Equal("application/json", content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task A_body_still_being_sent_when_its_request_is_disposed_keeps_its_buffer_until_the_write_ends()
    {
        var body = new DeleteBackupScopesRequest { ScopeIdList = { "1842846715527366528" } };
        var expected = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(body, Settings));
        var content = KooDriveJsonContent.Create(body, KooDriveModelIO.Write, "application/json");
        var stream = new StalledStream();
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content.Utf8Bytes, out var pooled));

        var sending = content.CopyToAsync(stream);
        await stream.Started.Task;
        content.Dispose();
        for (var i = 0; i < 4; i++)
        {
            // Whatever the pool hands out now must not be the buffer the transport is still reading.
            var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(pooled.Array!.Length);
            rented.AsSpan().Fill((byte)'X');
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        stream.Release.SetResult();
        await sending;

        Assert.Equal(expected, stream.Written);
    }

    [Fact]
    public void A_disposed_body_gives_its_buffer_back_and_can_no_longer_be_read()
    {
        var content = KooDriveJsonContent.Create(new DeleteBackupScopesRequest(), KooDriveModelIO.Write, "application/json");

        content.Dispose();
        content.Dispose();

        Assert.Throws<ObjectDisposedException>(() => content.Utf8Bytes);
    }

    /// <summary>A transport stream whose write waits until released, then records what it was given.</summary>
    private sealed class StalledStream : MemoryStream
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public byte[] Written { get; private set; } = [];

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Started.SetResult();
            await Release.Task;
            Written = buffer.ToArray();
        }
    }
}
