using KooDrive.Generated.Auth;
using KooDrive.Generated.Tests.Auth.Support;
using Microsoft.Kiota.Abstractions.Authentication;

namespace KooDrive.Generated.Tests.Auth;

public class TokenAuthenticationTests
{
    [Fact]
    public async Task The_token_is_sent_as_Bearer_with_the_common_headers()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);

        using var response = await client.DeleteAsync(new Uri("koodrive/ose/v1/backup/device/1842812272691451648", UriKind.Relative));

        var request = recorder.Single;
        Assert.Equal("Bearer " + TestPipelines.Token, request.Header("Authorization"));
        Assert.Equal("20251103T070140Z", request.Header("X-Date"));
        Assert.Equal("1505084218764547200", request.Header("X-User-Id"));
        Assert.Equal(58, request.Header("X-Traceid")!.Length);
    }

    [Fact]
    public async Task The_provider_is_asked_on_every_request_with_the_request_URI()
    {
        var provider = new CountingTokenProvider("first-token", "second-token");
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(provider), recorder);

        using (await client.DeleteAsync(new Uri("koodrive/ose/v1/backup/device/1", UriKind.Relative)))
        {
        }

        using (await client.DeleteAsync(new Uri("koodrive/ose/v1/backup/device/2", UriKind.Relative)))
        {
        }

        Assert.Equal(2, provider.Calls);
        Assert.Equal("Bearer first-token", recorder.Requests[0].Header("Authorization"));
        Assert.Equal("Bearer second-token", recorder.Requests[1].Header("Authorization"));
        Assert.Equal(new Uri("https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/device/2"), provider.Uris[1]);
    }

    [Theory]
    [InlineData("https://evil.example/koodrive/ose/v1/x", "evil.example", "AllowedHosts")]
    [InlineData("http://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/x", "intl.myhuaweicloud-koodrive.com", "https")]
    [InlineData("ftp://intl.myhuaweicloud-koodrive.com/x", "intl.myhuaweicloud-koodrive.com", "https")]
    public async Task A_request_the_policy_refuses_fails_before_I_O_naming_the_host_and_the_option(string uri, string host, string remedy)
    {
        var provider = new CountingTokenProvider("token");
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(provider), recorder);
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        message.Headers.TryAddWithoutValidation("Authorization", "Bearer set-by-caller");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(message));

        Assert.Contains($"'{host}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(remedy, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, provider.Calls);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task A_host_the_providers_own_validator_refuses_fails_before_I_O_naming_the_provider_option()
    {
        var provider = new CountingTokenProvider("token") { AllowedHostsValidator = new AllowedHostsValidator([KooDriveHosts.International]) };
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(provider), recorder);

        using (await client.GetAsync(new Uri("https://intl.myhuaweicloud-koodrive.com/x")))
        {
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync(new Uri("https://cn.myhuaweicloud-koodrive.com/x")));

        Assert.Contains("'cn.myhuaweicloud-koodrive.com'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowedHostsValidator", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, provider.Calls);
        Assert.Equal("Bearer token", recorder.Single.Header("Authorization"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080/")]
    [InlineData("https://apigw.example.net/koodrive-gateway/")]
    public async Task A_StaticAccessTokenProvider_without_hosts_trusts_the_configured_base_address(string baseAddress)
    {
        var recorder = new RecordingHandler();
        var options = TestPipelines.Bearer(new StaticAccessTokenProvider("emulator-token"), baseAddress: new Uri(baseAddress));
        using var client = TestPipelines.Client(options, recorder);

        using var response = await client.DeleteAsync(new Uri("koodrive/ose/v1/backup/device/1842812272691451648", UriKind.Relative));

        Assert.Equal("Bearer emulator-token", recorder.Single.Header("Authorization"));
        Assert.StartsWith(baseAddress, recorder.Single.Uri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_whose_own_hosts_exclude_the_base_address_host_is_refused_when_the_client_is_built()
    {
        var options = TestPipelines.Bearer(new StaticAccessTokenProvider("Zq9Secret", KooDriveHosts.International), baseAddress: new Uri("http://127.0.0.1:5080/"));

        var error = Assert.Throws<ArgumentException>(() => TestPipelines.Client(options, new RecordingHandler()));

        Assert.Contains("'127.0.0.1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("allowedHosts", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Zq9Secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_HTTP_to_an_allowed_loopback_host_carries_the_token()
    {
        var recorder = new RecordingHandler();
        var options = TestPipelines.Bearer(new StaticAccessTokenProvider("loop-token", "127.0.0.1"), baseAddress: new Uri("http://127.0.0.1:5000/"));
        using var client = TestPipelines.Client(options, recorder);

        using var response = await client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative));

        Assert.Equal("Bearer loop-token", recorder.Single.Header("Authorization"));
    }

    [Fact]
    public async Task An_empty_token_fails_before_I_O_naming_the_host()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(new CountingTokenProvider("")), recorder);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative)));

        Assert.Contains("'intl.myhuaweicloud-koodrive.com'", error.Message, StringComparison.Ordinal);
        Assert.Contains("returned no token", error.Message, StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

    [Theory]
    [InlineData("Zq9Secret\r\nX-Injected: yes")]
    [InlineData("Zq9Secret\nmore")]
    [InlineData("Zq9Secret more")]
    [InlineData("Zq9Secret\u0000")]
    [InlineData("Zq9Secret\u00e9")]
    [InlineData("Zq9Secret\u00a0more")]
    [InlineData("Zq9Secret\u76f8")]
    public async Task A_token_that_would_corrupt_the_header_is_rejected_without_quoting_it(string token)
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(new CountingTokenProvider(token)), recorder);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative)));

        Assert.Equal("Authorization", exception.ParamName);
        Assert.DoesNotContain("Zq9Secret", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Zq9Secret", exception.ToString(), StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

}
