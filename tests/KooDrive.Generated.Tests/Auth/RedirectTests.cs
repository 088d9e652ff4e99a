using System.Net;
using System.Text;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.Tests.Auth.Support;

namespace KooDrive.Generated.Tests.Auth;

public class RedirectTests
{
    public static TheoryData<string> Modes => new() { "signing", "bearer" };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_redirect_to_a_host_the_policy_does_not_allow_is_returned_unchanged_and_not_followed(string mode)
    {
        var recorder = new RecordingHandler
        {
            Respond = (_, n) => n == 1 ? Redirect(HttpStatusCode.TemporaryRedirect, "https://evil.example/collect") : RecordingHandler.Success(),
        };
        using var client = TestPipelines.Client(Options(mode), recorder);
        using var message = new HttpRequestMessage(HttpMethod.Delete, "koodrive/ose/v1/backup/record/1");
        message.Headers.Add("x-backup-lock-id", "78e41c7e-db02-4d55-85b3-8153e4fefd2e@102");

        using var response = await client.SendAsync(message);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri("https://evil.example/collect"), response.Headers.Location);
        var only = Assert.Single(recorder.Requests);
        Assert.Equal(KooDriveHosts.International, only.Uri.Host);
    }

    [Fact]
    public async Task A_redirect_to_another_allowed_host_is_followed_and_signed_for_it()
    {
        var recorder = new RecordingHandler
        {
            Respond = (_, n) => n == 1 ? Redirect(HttpStatusCode.Found, "https://cn.myhuaweicloud-koodrive.com/koodrive/ose/v1/x") : RecordingHandler.Success(),
        };
        var options = TestPipelines.Signing();
        options.AllowedHosts.Add("cn.myhuaweicloud-koodrive.com");
        using var client = TestPipelines.Client(options, recorder);

        using var response = await client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = recorder.Requests[1];
        Assert.Equal("cn.myhuaweicloud-koodrive.com", second.Uri.Host);
        Assert.Equal(IndependentSigner.ExpectedAuthorization(second), second.Header("Authorization"));
    }

    [Theory]
    [InlineData("/koodrive/ose/v1/moved", true)]
    [InlineData("https://INTL.myhuaweicloud-koodrive.com/koodrive/ose/v1/moved", true)]
    [InlineData("https://cn.myhuaweicloud-koodrive.com/koodrive/ose/v1/moved", false)]
    public async Task With_no_other_host_allowed_only_redirects_to_the_base_address_host_are_followed(string location, bool followed)
    {
        var recorder = new RecordingHandler { Respond = (_, n) => n == 1 ? Redirect(HttpStatusCode.Found, location) : RecordingHandler.Success() };
        var options = TestPipelines.Bearer();
        options.AllowedHosts.Clear();
        using var client = TestPipelines.Client(options, recorder);

        using var response = await client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative));

        Assert.Equal(followed ? HttpStatusCode.OK : HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(followed ? 2 : 1, recorder.Requests.Count);
    }

    [Fact]
    public async Task A_same_host_307_repeats_method_and_body_and_is_signed_for_the_new_path()
    {
        var recorder = new RecordingHandler
        {
            Respond = (_, n) => n == 1 ? Redirect(HttpStatusCode.TemporaryRedirect, "/koodrive/ose/v2/backup/device/1/scope") : RecordingHandler.Success(),
        };
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);
        using var message = new HttpRequestMessage(HttpMethod.Delete, "koodrive/ose/v1/backup/device/1/scope")
        {
            Content = new StringContent("""{"scopeIdList":["123"]}""", Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(message);

        var second = recorder.Requests[1];
        Assert.Equal("DELETE", second.Method);
        Assert.Equal("/koodrive/ose/v2/backup/device/1/scope", second.Uri.AbsolutePath);
        Assert.Equal("""{"scopeIdList":["123"]}""", second.BodyText);
        Assert.Equal(IndependentSigner.ExpectedAuthorization(second), second.Header("Authorization"));
        Assert.NotEqual(recorder.Requests[0].Header("Authorization"), second.Header("Authorization"));
        Assert.Equal(recorder.Requests[0].Header("X-Traceid"), second.Header("X-Traceid"));
    }

    [Theory]
    [InlineData(HttpStatusCode.SeeOther, "DELETE")]
    [InlineData(HttpStatusCode.Found, "POST")]
    [InlineData(HttpStatusCode.MovedPermanently, "POST")]
    public async Task A_303_or_a_301_302_after_POST_continues_with_a_GET_without_body(HttpStatusCode status, string method)
    {
        var recorder = new RecordingHandler { Respond = (_, n) => n == 1 ? Redirect(status, "/koodrive/ose/v1/done") : RecordingHandler.Success() };
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);
        using var message = new HttpRequestMessage(new HttpMethod(method), "koodrive/ose/v1/x") { Content = new StringContent("{}") };

        using var response = await client.SendAsync(message);

        var second = recorder.Requests[1];
        Assert.Equal("GET", second.Method);
        Assert.Null(second.Body);
        Assert.False(second.HasHeader("Content-Type"));
        Assert.Equal(IndependentSigner.ExpectedAuthorization(second), second.Header("Authorization"));
    }

    [Fact]
    public async Task A_downgrade_from_HTTPS_to_HTTP_is_not_followed()
    {
        var recorder = new RecordingHandler { Respond = (_, _) => Redirect(HttpStatusCode.Found, "http://intl.myhuaweicloud-koodrive.com/x") };
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);

        using var response = await client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Single(recorder.Requests);
    }

    [Fact]
    public async Task Redirects_stop_at_the_configured_maximum()
    {
        var recorder = new RecordingHandler { Respond = (_, n) => Redirect(HttpStatusCode.Found, $"/koodrive/ose/v1/hop{n}") };
        var options = TestPipelines.Bearer();
        options.MaxRedirects = 3;
        using var client = TestPipelines.Client(options, recorder);

        using var response = await client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(4, recorder.Requests.Count);
    }

    [Fact]
    public async Task A_redirect_without_Location_is_returned_as_is()
    {
        var recorder = new RecordingHandler { Respond = (_, _) => new HttpResponseMessage(HttpStatusCode.Found) };
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);

        using var response = await client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Single(recorder.Requests);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Over_real_HTTP_a_redirect_to_another_host_never_reaches_it(string mode)
    {
        await using var foreign = new LoopbackHttpServer(_ => new ServerResponse(200));
        await using var service = new LoopbackHttpServer(_ => new ServerResponse(
            307,
            "",
            new Dictionary<string, string> { ["Location"] = foreign.Address("localhost") + "collect" }));
        var options = Options(mode, service.Address());
        options.AllowedHosts.Clear();
        using var client = KooDriveHttpClientFactory.Create(options);
        using var message = new HttpRequestMessage(HttpMethod.Delete, "koodrive/ose/v1/backup/device/1/scope")
        {
            Content = new StringContent("""{"scopeIdList":["123"]}""", Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(message);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.NotNull(Assert.Single(service.Received).Header("Authorization"));
        Assert.Empty(foreign.Received);
    }

    [Fact]
    public void The_primary_handler_the_SDK_creates_does_not_follow_redirects_itself()
    {
        using var primary = KooDriveHttpClientFactory.CreatePrimaryHandler();

        Assert.False(primary.AllowAutoRedirect);
        Assert.False(primary.UseCookies);
    }

    [Fact]
    public void An_inner_handler_that_follows_redirects_itself_is_rejected()
    {
        using var inner = new HttpClientHandler();
        using var wrapped = new PassThroughHandler { InnerHandler = new SocketsHttpHandler() };

        Assert.Equal("innerHandler", Assert.Throws<ArgumentException>(() => KooDriveHttpClientFactory.Create(TestPipelines.Bearer(), inner)).ParamName);
        Assert.Equal("innerHandler", Assert.Throws<ArgumentException>(() => KooDriveHttpClientFactory.Create(TestPipelines.Bearer(), wrapped)).ParamName);
    }

    private static KooDriveClientOptions Options(string mode, Uri? baseAddress = null) => mode == "signing"
        ? TestPipelines.Signing(TimeProvider.System, baseAddress)
        : TestPipelines.Bearer(new StaticAccessTokenProvider(TestPipelines.Token, KooDriveHosts.International, "127.0.0.1"), TimeProvider.System, baseAddress);

    private static HttpResponseMessage Redirect(HttpStatusCode status, string location)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
