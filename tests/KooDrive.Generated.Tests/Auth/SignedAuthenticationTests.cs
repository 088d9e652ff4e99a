using System.Net;
using System.Text;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.Tests.Auth.Support;

namespace KooDrive.Generated.Tests.Auth;

public class SignedAuthenticationTests
{
    [Fact]
    public async Task A_request_carries_exactly_the_documented_headers_and_a_signature_that_verifies_independently()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);

        using var response = await client.GetAsync(new Uri("koodrive/ose/v1/backup/device/1842812272691451648/scope?moduleCode=102", UriKind.Relative));

        var request = recorder.Single;
        Assert.Equal("20251103T070140Z", request.Header("X-Date"));
        Assert.Equal("1505084218764547200", request.Header("X-User-Id"));
        Assert.Equal(IndependentSigner.ExpectedAuthorization(request), request.Header("Authorization"));
        // Vector A: same method, URI, headers and (empty) body.
        Assert.Equal(
            $"HMAC-SHA256 AppId=testAppId,SignedHeaders={ReferenceSigner.SignedHeaders},Signature=d71110bc8f68a9e637ef6f9dbf66877d6f32ab1011ddb0a8ebb9e34ef766ea64",
            request.Header("Authorization"));
    }

    [Fact]
    public async Task The_signed_payload_is_the_exact_body_sent()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);
        var body = """{"ids":["Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW", "相册"] }""";
        using var message = new HttpRequestMessage(HttpMethod.Delete, "koodrive/ose/v1/1795607640592646273/batchDelete")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(message);

        var request = recorder.Single;
        Assert.Equal(Encoding.UTF8.GetBytes(body), request.Body);
        Assert.Equal(IndependentSigner.ExpectedAuthorization(request), request.Header("Authorization"));
    }

    [Fact]
    public async Task A_streamed_body_is_read_once_and_the_same_bytes_are_signed_and_sent()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);
        var bytes = Encoding.UTF8.GetBytes("""{"scopeIdList":["1842846715527366528"]}""");
        using var stream = new OneShotStream(bytes);
        using var message = new HttpRequestMessage(HttpMethod.Delete, "koodrive/ose/v1/backup/device/1/scope") { Content = new StreamContent(stream) };

        using var response = await client.SendAsync(message);

        var request = recorder.Single;
        Assert.Equal(bytes, request.Body);
        Assert.Equal(IndependentSigner.ExpectedAuthorization(request), request.Header("Authorization"));
    }

    [Fact]
    public async Task A_non_default_port_is_part_of_the_signed_host()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Signing(baseAddress: new Uri("https://intl.myhuaweicloud-koodrive.com:8443/")), recorder);

        using var response = await client.DeleteAsync(new Uri("koodrive/ose/v1/backup/device/1842812272691451648", UriKind.Relative));

        // Vector I.
        Assert.EndsWith("Signature=313a5a3bb304752aba88af4b4fb6666f5e7128a42e6ca9062eec9af8ebfd6751", recorder.Single.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_Host_header_is_the_host_that_is_signed()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);
        using var message = new HttpRequestMessage(HttpMethod.Get, "koodrive/ose/v1/x");
        message.Headers.Host = "10.32.45.165";

        using var response = await client.SendAsync(message);

        var request = recorder.Single;
        Assert.Equal("10.32.45.165", request.Header("Host"));
        Assert.Equal(IndependentSigner.ExpectedAuthorization(request), request.Header("Authorization"));
    }

    [Fact]
    public async Task Over_real_HTTP_the_signature_verifies_against_what_the_server_received_including_the_port()
    {
        await using var server = new LoopbackHttpServer(_ => new ServerResponse(200));
        var options = TestPipelines.Signing(baseAddress: server.Address());
        using var client = KooDriveHttpClientFactory.Create(options);
        using var content = new StringContent("""{"scopeIdList":["123"]}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("koodrive/ose/v1/backup/device/1842812272691451648/scope?b=2&a=%20x", UriKind.Relative), content);

        var received = Assert.Single(server.Received);
        Assert.Equal($"127.0.0.1:{server.Port}", received.Header("Host"));
        var canonical = ReferenceSigner.CanonicalRequest(
            received.Method,
            new Uri("http://" + received.Header("Host") + received.Target),
            received.Header("Host")!,
            received.Header("X-Date")!,
            received.Header("X-User-Id")!,
            received.Body);
        Assert.Equal(ReferenceSigner.Authorization(IndependentSigner.AppId, IndependentSigner.AppSecret, canonical), received.Header("Authorization"));
    }

    [Theory]
    [InlineData("https://evil.example/koodrive/ose/v1/x")]
    [InlineData("http://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/x")]
    [InlineData("https://intl.myhuaweicloud-koodrive.com.evil.example/x")]
    public async Task A_request_the_policy_refuses_fails_before_I_O_naming_the_host(string uri)
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync(new Uri(uri)));

        Assert.Contains($"'{new Uri(uri).Host}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(IndependentSigner.AppSecret, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task An_Authorization_header_set_by_the_caller_is_replaced_by_the_signature()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);
        using var message = new HttpRequestMessage(HttpMethod.Get, "koodrive/ose/v1/x");
        message.Headers.TryAddWithoutValidation("Authorization", "Bearer leaked");

        using var response = await client.SendAsync(message);

        var authorization = Assert.Single(recorder.Single.Headers["Authorization"]);
        Assert.StartsWith("HMAC-SHA256 AppId=testAppId,", authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_Authorization_header_to_a_foreign_host_never_leaves()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);
        using var message = new HttpRequestMessage(HttpMethod.Get, "https://evil.example/x");
        message.Headers.TryAddWithoutValidation("Authorization", "Bearer leaked");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(message));

        Assert.DoesNotContain("leaked", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task Every_request_is_signed_afresh()
    {
        var time = TestPipelines.Time();
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Signing(time), recorder);

        using (await client.DeleteAsync(new Uri("koodrive/ose/v1/backup/record/1", UriKind.Relative)))
        {
        }

        time.Advance(TimeSpan.FromSeconds(61));
        using (await client.DeleteAsync(new Uri("koodrive/ose/v1/backup/record/1", UriKind.Relative)))
        {
        }

        Assert.Equal(2, recorder.Requests.Count);
        Assert.Equal("20251103T070241Z", recorder.Requests[1].Header("X-Date"));
        Assert.NotEqual(recorder.Requests[0].Header("Authorization"), recorder.Requests[1].Header("Authorization"));
        Assert.All(recorder.Requests, r => Assert.Equal(IndependentSigner.ExpectedAuthorization(r), r.Header("Authorization")));
    }

    [Fact]
    public async Task Concurrent_requests_each_carry_their_own_valid_signature()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            client.DeleteAsync(new Uri($"koodrive/ose/v1/backup/record/{i}", UriKind.Relative))));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(16, recorder.Requests.Count);
        Assert.All(recorder.Requests, r => Assert.Equal(IndependentSigner.ExpectedAuthorization(r), r.Header("Authorization")));
        Assert.Equal(16, recorder.Requests.Select(r => r.Header("Authorization")).Distinct().Count());
    }

    /// <summary>A stream that can be read once only, like a network body.</summary>
    private sealed class OneShotStream(byte[] bytes) : MemoryStream(bytes)
    {
        private bool _read;

        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            MarkIfDone(read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read)
            {
                throw new InvalidOperationException("The stream was already read to its end.");
            }

            var read = await base.ReadAsync(buffer, cancellationToken);
            MarkIfDone(read);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void MarkIfDone(int read)
        {
            if (read == 0)
            {
                _read = true;
            }
        }
    }
}
