using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.Tests.Auth.Support;

namespace KooDrive.Generated.Tests.Configuration;

public class KooDriveHttpClientFactoryTests
{
    [Theory]
    [InlineData("https://intl.myhuaweicloud-koodrive.com", "https://intl.myhuaweicloud-koodrive.com/")]
    [InlineData("https://gateway.example/koodrive-proxy", "https://gateway.example/koodrive-proxy/")]
    [InlineData("https://gateway.example/koodrive-proxy/", "https://gateway.example/koodrive-proxy/")]
    public void The_client_base_address_ends_with_a_slash(string configured, string expected)
    {
        var options = TestPipelines.Bearer(baseAddress: new Uri(configured));

        using var client = KooDriveHttpClientFactory.Create(options, new RecordingHandler());

        Assert.Equal(new Uri(expected), client.BaseAddress);
    }

    [Fact]
    public void Invalid_options_fail_before_anything_is_built()
    {
        var options = TestPipelines.Bearer();
        options.UserId = null;

        var exception = Assert.Throws<ArgumentException>(() => KooDriveHttpClientFactory.Create(options, new RecordingHandler()));

        Assert.Contains("UserId", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Handlers_come_outermost_first_redirect_then_headers_then_authentication()
    {
        var clock = new KooDriveClock();

        var signing = KooDriveHttpClientFactory.CreateHandlers(TestPipelines.Signing(), clock);
        var bearer = KooDriveHttpClientFactory.CreateHandlers(TestPipelines.Bearer(), clock);

        Assert.Equal([typeof(KooDriveRedirectHandler), typeof(KooDriveHeadersHandler), typeof(KooDriveSigningHandler)], signing.Select(h => h.GetType()));
        Assert.Equal([typeof(KooDriveRedirectHandler), typeof(KooDriveHeadersHandler), typeof(BearerTokenHandler)], bearer.Select(h => h.GetType()));
        Assert.Same(clock, ((KooDriveHeadersHandler)signing[1]).Clock);
    }

    [Fact]
    public async Task Later_changes_to_the_options_do_not_affect_a_built_client()
    {
        var options = TestPipelines.Bearer();
        var recorder = new RecordingHandler();
        using var client = KooDriveHttpClientFactory.Create(options, recorder);

        options.UserId = "someone-else";
        options.AllowedHosts.Add("evil.example");
        using (await client.GetAsync(new Uri("https://evil.example/x")))
        {
        }

        Assert.Equal("1505084218764547200", recorder.Single.Header("X-User-Id"));
        Assert.False(recorder.Single.HasHeader("Authorization"));
    }
}
