using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.Http;
using KooDrive.Generated.Resilience;
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
    public void A_synchronous_send_is_refused_before_anything_is_sent()
    {
        var transport = new RecordingHandler();
        using var client = KooDriveHttpClientFactory.Create(TestPipelines.Signing(resilience: true), transport);

        var exception = Assert.Throws<NotSupportedException>(() => client.Send(new HttpRequestMessage(HttpMethod.Get, "koodrive/ose/v1/backup/device")));

        Assert.Contains("asynchronously", exception.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Requests);
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
    public void Handlers_come_outermost_first_call_resilience_then_authentication()
    {
        var clock = new KooDriveClock();

        var signing = KooDriveHttpClientFactory.CreateHandlers(TestPipelines.Signing(resilience: true), clock);
        var bearer = KooDriveHttpClientFactory.CreateHandlers(TestPipelines.Bearer(resilience: true), clock);

        Type[] expected = [typeof(KooDriveCallHandler), typeof(KooDriveResilienceHandler), typeof(KooDriveAuthenticationHandler)];
        Assert.Equal(expected, signing.Select(h => h.GetType()));
        Assert.Equal(expected, bearer.Select(h => h.GetType()));
        Assert.True(((KooDriveResilienceHandler)signing[1]).Retries);
        Assert.Same(clock, signing.OfType<KooDriveAuthenticationHandler>().Single().Clock);
    }

    [Fact]
    public void Disabling_resilience_removes_the_retries_and_restores_the_default_client_timeout()
    {
        var options = TestPipelines.Signing(resilience: false);

        var handlers = KooDriveHttpClientFactory.CreateHandlers(options, new KooDriveClock());
        using var client = KooDriveHttpClientFactory.Create(options, new RecordingHandler());

        // Still one attempt that buffers the body, inside HttpClient.Timeout.
        Assert.False(Assert.IsType<KooDriveResilienceHandler>(handlers[1]).Retries);
        Assert.Equal(TimeSpan.FromSeconds(100), client.Timeout);
        using var resilient = KooDriveHttpClientFactory.Create(TestPipelines.Signing(resilience: true), new RecordingHandler());
        Assert.Equal(Timeout.InfiniteTimeSpan, resilient.Timeout);
    }

    [Fact]
    public void A_primary_handler_that_follows_redirects_is_refused()
    {
        using var primary = new SocketsHttpHandler();

        var exception = Assert.Throws<ArgumentException>(() => KooDriveHttpClientFactory.Create(TestPipelines.Signing(), primary));

        Assert.Equal("innerHandler", exception.ParamName);
    }

    [Fact]
    public async Task Later_changes_to_the_options_do_not_affect_a_built_client()
    {
        var options = TestPipelines.Bearer();
        var recorder = new RecordingHandler();
        using var client = KooDriveHttpClientFactory.Create(options, recorder);

        options.UserId = "someone-else";
        options.AllowedHosts.Add("evil.example");
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync(new Uri("https://evil.example/x")));
        using (await client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative)))
        {
        }

        Assert.Equal("1505084218764547200", recorder.Single.Header("X-User-Id"));
    }
}
