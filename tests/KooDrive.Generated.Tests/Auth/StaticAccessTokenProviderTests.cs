using KooDrive.Generated.Auth;

namespace KooDrive.Generated.Tests.Auth;

public class StaticAccessTokenProviderTests
{
    [Theory]
    [InlineData("https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/x", true)]
    [InlineData("https://CN.myhuaweicloud-koodrive.com/x", true)]
    [InlineData("https://intl.myhuaweicloud-koodrive.com:8443/x", true)]
    [InlineData("http://intl.myhuaweicloud-koodrive.com/x", false)]
    [InlineData("https://evil.example/x", false)]
    [InlineData("https://myhuaweicloud-koodrive.com/x", false)]
    [InlineData("http://127.0.0.1/x", false)]
    public async Task By_default_the_token_goes_to_the_documented_hosts_over_HTTPS_only(string uri, bool expectToken)
    {
        var provider = new StaticAccessTokenProvider("fixed-token");

        var token = await provider.GetAuthorizationTokenAsync(new Uri(uri));

        Assert.Equal(expectToken ? "fixed-token" : string.Empty, token);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/x", true)]
    [InlineData("http://localhost/x", true)]
    [InlineData("http://10.0.0.1/x", false)]
    [InlineData("https://intl.myhuaweicloud-koodrive.com/x", false)]
    public async Task Given_hosts_replace_the_defaults_and_loopback_may_use_plain_HTTP(string uri, bool expectToken)
    {
        var provider = new StaticAccessTokenProvider("fixed-token", "127.0.0.1", "localhost", "10.0.0.1");

        var token = await provider.GetAuthorizationTokenAsync(new Uri(uri));

        Assert.Equal(expectToken ? "fixed-token" : string.Empty, token);
    }

    [Fact]
    public void Its_AllowedHostsValidator_lists_the_allowed_hosts()
    {
        var provider = new StaticAccessTokenProvider("fixed-token");

        Assert.Equal(KooDriveHosts.Default.Order(), provider.AllowedHostsValidator.AllowedHosts.Order());
        Assert.False(provider.AllowedHostsValidator.IsUrlHostValid(new Uri("https://evil.example/")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a\r\nb")]
    public void A_malformed_token_is_rejected_without_quoting_it(string token)
    {
        var exception = Assert.Throws<ArgumentException>(() => new StaticAccessTokenProvider(token));

        Assert.Equal("accessToken", exception.ParamName);
        if (token.Length > 0)
        {
            Assert.DoesNotContain(token, exception.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://intl.myhuaweicloud-koodrive.com")]
    [InlineData("host/path")]
    [InlineData("host:443")]
    [InlineData("")]
    [InlineData("bad host")]
    public void A_malformed_host_is_rejected(string host)
    {
        Assert.Throws<ArgumentException>(() => new StaticAccessTokenProvider("t", host));
    }

    [Fact]
    public void ToString_never_shows_the_token()
    {
        var provider = new StaticAccessTokenProvider("very-secret-token-value");

        Assert.DoesNotContain("very-secret-token-value", provider.ToString(), StringComparison.Ordinal);
        Assert.Contains(KooDriveHosts.International, provider.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_call_throws()
    {
        var provider = new StaticAccessTokenProvider("t");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            provider.GetAuthorizationTokenAsync(new Uri("https://intl.myhuaweicloud-koodrive.com/"), null, new CancellationToken(canceled: true)));
    }
}
