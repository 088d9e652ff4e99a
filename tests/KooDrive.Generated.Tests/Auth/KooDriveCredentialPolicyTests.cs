using KooDrive.Generated.Auth;

namespace KooDrive.Generated.Tests.Auth;

public class KooDriveCredentialPolicyTests
{
    private static readonly KooDriveCredentialPolicy Policy = new([KooDriveHosts.International, "127.0.0.1", "[::1]"]);

    [Theory]
    [InlineData("https://intl.myhuaweicloud-koodrive.com/x", true)]
    [InlineData("https://INTL.myhuaweicloud-koodrive.com:444/x", true)]
    [InlineData("http://intl.myhuaweicloud-koodrive.com/x", false)]
    [InlineData("wss://intl.myhuaweicloud-koodrive.com/x", false)]
    [InlineData("https://cn.myhuaweicloud-koodrive.com/x", false)]
    [InlineData("https://sub.intl.myhuaweicloud-koodrive.com/x", false)]
    [InlineData("http://127.0.0.1:8080/x", true)]
    [InlineData("http://[::1]:8080/x", true)]
    [InlineData("http://localhost:8080/x", false)]
    public void Credentials_go_to_allowed_hosts_over_HTTPS_or_loopback_HTTP_only(string uri, bool allowed)
    {
        Assert.Equal(allowed, Policy.AllowsCredentialsFor(new Uri(uri)));
    }

    [Fact]
    public void A_missing_or_relative_URI_is_refused()
    {
        Assert.False(Policy.AllowsCredentialsFor(null));
        Assert.False(Policy.AllowsCredentialsFor(new Uri("koodrive/ose", UriKind.Relative)));
    }

    [Fact]
    public void An_empty_host_list_is_refused_rather_than_meaning_every_host()
    {
        var exception = Assert.Throws<ArgumentException>(() => new KooDriveCredentialPolicy([]));

        Assert.Equal("allowedHosts", exception.ParamName);
    }
}
