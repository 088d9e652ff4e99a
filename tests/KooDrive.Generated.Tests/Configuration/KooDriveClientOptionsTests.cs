using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.Tests.Auth.Support;

namespace KooDrive.Generated.Tests.Configuration;

public class KooDriveClientOptionsTests
{
    [Fact]
    public void Defaults_are_the_international_endpoint_and_the_two_documented_hosts()
    {
        var options = new KooDriveClientOptions();

        Assert.Equal(new Uri("https://intl.myhuaweicloud-koodrive.com/"), options.BaseAddress);
        Assert.Equal(["cn.myhuaweicloud-koodrive.com", "intl.myhuaweicloud-koodrive.com"], options.AllowedHosts.Order());
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Null(options.Language);
    }

    [Fact]
    public void The_base_address_host_is_always_allowed()
    {
        var options = new KooDriveClientOptions { BaseAddress = new Uri("http://127.0.0.1:5000/") };
        options.AllowedHosts.Clear();

        Assert.Equal(["127.0.0.1"], options.GetEffectiveAllowedHosts());
    }

    [Fact]
    public void Valid_options_have_no_errors()
    {
        Assert.Empty(TestPipelines.Signing().GetValidationErrors());
        Assert.Empty(TestPipelines.Bearer().GetValidationErrors());
    }

    [Theory]
    [InlineData("user", "UserId is required")]
    [InlineData("user-crlf", "UserId must be")]
    [InlineData("language", "Language must be")]
    [InlineData("no-auth", "Set AccessTokenProvider")]
    [InlineData("both-auth", "Set only one")]
    [InlineData("http", "must use https")]
    [InlineData("relative", "absolute URI")]
    [InlineData("query", "query or a fragment")]
    [InlineData("host", "AllowedHosts")]
    [InlineData("redirects", "MaxRedirects")]
    public void Each_problem_is_reported_with_the_setting_it_concerns(string problem, string expected)
    {
        var options = TestPipelines.Bearer();
        switch (problem)
        {
            case "user": options.UserId = null; break;
            case "user-crlf": options.UserId = "1\r\n"; break;
            case "language": options.Language = "en\nus"; break;
            case "no-auth": options.AccessTokenProvider = null; break;
            case "both-auth": options.AppCredential = new KooDriveAppCredential("a", "s"); break;
            case "http": options.BaseAddress = new Uri("http://intl.myhuaweicloud-koodrive.com/"); break;
            case "relative": options.BaseAddress = new Uri("koodrive/", UriKind.Relative); break;
            case "query": options.BaseAddress = new Uri("https://intl.myhuaweicloud-koodrive.com/?a=1"); break;
            case "host": options.AllowedHosts.Add("https://evil.example"); break;
            case "redirects": options.MaxRedirects = -1; break;
        }

        var error = Assert.Single(options.GetValidationErrors());
        Assert.Contains(expected, error, StringComparison.Ordinal);
        var exception = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_describes_the_mode_without_credentials()
    {
        var options = TestPipelines.Signing();
        options.Language = "en_us";

        Assert.Equal(
            "KooDriveClientOptions { BaseAddress = https://intl.myhuaweicloud-koodrive.com/, UserId = 1505084218764547200, Language = en_us, Authentication = AppSignature (AppId = testAppId), AllowedHosts = [intl.myhuaweicloud-koodrive.com, cn.myhuaweicloud-koodrive.com] }",
            options.ToString());
        Assert.Contains("Authentication = AccessToken", TestPipelines.Bearer().ToString(), StringComparison.Ordinal);
    }
}
