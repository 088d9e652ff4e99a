using System.Net;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.DependencyInjection;
using KooDrive.Generated.Observability;
using KooDrive.Generated.Tests.Auth.Support;
using KooDrive.Generated.Tests.DependencyInjection.Support;
using Microsoft.Extensions.DependencyInjection;
using KooDrive.Generated.Resilience;

namespace KooDrive.Generated.Tests.DependencyInjection;

public class AddKooDriveClientTests
{
    private static void Signing(KooDriveClientOptions options)
    {
        options.UserId = TestPipelines.UserId;
        options.AppCredential = new KooDriveAppCredential(IndependentSigner.AppId, IndependentSigner.AppSecret);
        options.TimeProvider = TestPipelines.Time();
    }

    [Fact]
    public void Both_typed_clients_are_registered_over_the_one_named_KooDrive_client()
    {
        var services = new ServiceCollection();

        var builder = services.AddKooDriveClient(Signing);
        using var provider = services.BuildServiceProvider();

        Assert.Equal("KooDrive", builder.Name);
        Assert.IsType<BackupClient>(provider.GetRequiredService<IBackupClient>());
        Assert.IsType<AlbumClient>(provider.GetRequiredService<IAlbumClient>());
        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(KooDriveServiceCollectionExtensions.HttpClientName);
        Assert.Equal(KooDriveClientOptions.InternationalEndpoint, http.BaseAddress);
        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    [Fact]
    public void The_DI_pipeline_has_exactly_the_handlers_of_the_constructor_path_in_the_same_order()
    {
        var services = new ServiceCollection();
        services.AddKooDriveClient(Signing);
        using var provider = services.BuildServiceProvider();
        var expected = KooDriveHttpClientFactory.CreateHandlers(TestPipelines.Signing(resilience: true), new KooDriveClock()).Select(h => h.GetType());

        var chain = DiTestHost.Chain(provider);

        var ours = chain.Where(h => h.GetType().Assembly == typeof(KooDriveClock).Assembly).Select(h => h.GetType());
        Assert.Equal(expected, ours);
        var primary = Assert.IsType<SocketsHttpHandler>(chain[^1]);
        Assert.False(primary.AllowAutoRedirect);
        Assert.False(primary.UseCookies);
    }

    [Fact]
    public void Handlers_the_consumer_adds_run_between_the_retry_and_the_signing_handlers_whatever_the_order_of_registration()
    {
        var services = new ServiceCollection();
        var recorder = new RecordingHandler();
        services.AddKooDriveClient(Signing)
            .AddHttpMessageHandler(() => new MarkerHandler())
            .UsingTransport(recorder);
        using var provider = services.BuildServiceProvider();

        var types = DiTestHost.Chain(provider).Select(h => h.GetType()).ToList();

        var marker = types.IndexOf(typeof(MarkerHandler));
        Assert.True(marker > types.IndexOf(typeof(KooDriveResilienceHandler)), string.Join(" > ", types.Select(t => t.Name)));
        Assert.True(marker < types.IndexOf(typeof(KooDriveAuthenticationHandler)), string.Join(" > ", types.Select(t => t.Name)));
        Assert.True(types.IndexOf(typeof(KooDriveAuthenticationHandler)) < types.IndexOf(typeof(RecordingHandler)));
    }

    [Fact]
    public async Task Typed_clients_send_through_the_full_pipeline()
    {
        var services = new ServiceCollection();
        var recorder = new RecordingHandler();
        services.AddKooDriveClient(Signing).UsingTransport(recorder);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBackupClient>().UnbindDeviceAsync("1842812272691451648");

        var sent = recorder.Single;
        Assert.Equal(new Uri("https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/device/1842812272691451648"), sent.Uri);
        Assert.Equal(IndependentSigner.ExpectedAuthorization(sent), sent.Header("Authorization"));
        Assert.Equal("20251103T070140Z", sent.Header("X-Date"));
        Assert.Equal(KooDriveTelemetry.UserAgent, sent.Header("User-Agent"));
        Assert.True(KooDriveTraceId.IsValid(sent.Header("X-Traceid")));
    }

    [Fact]
    public async Task A_TimeProvider_registered_in_the_container_dates_the_requests_unless_the_options_set_one()
    {
        var services = new ServiceCollection();
        var recorder = new RecordingHandler();
        services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        services.AddKooDriveClient(options =>
        {
            options.UserId = TestPipelines.UserId;
            options.AccessTokenProvider = new StaticAccessTokenProvider(TestPipelines.Token);
        }).UsingTransport(recorder);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBackupClient>().UnbindDeviceAsync("1842812272691451648");

        Assert.Equal("20300102T030405Z", recorder.Single.Header("X-Date"));
        Assert.Equal("Bearer " + TestPipelines.Token, recorder.Single.Header("Authorization"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("https://apigw.example.net/")]
    public async Task A_StaticAccessTokenProvider_registered_with_configuration_sends_its_token_to_the_configured_base_address(string baseAddress)
    {
        var services = new ServiceCollection();
        var recorder = new RecordingHandler();
        var configuration = DiTestHost.Configuration(("KooDrive:BaseAddress", baseAddress), ("KooDrive:UserId", TestPipelines.UserId));
        services.AddKooDriveClient(configuration.GetSection("KooDrive"), o => o.AccessTokenProvider = new StaticAccessTokenProvider(TestPipelines.Token))
            .UsingTransport(recorder);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

        await provider.GetRequiredService<IBackupClient>().UnbindDeviceAsync("1842812272691451648");

        Assert.Equal("Bearer " + TestPipelines.Token, recorder.Single.Header("Authorization"));
        Assert.Equal(new Uri(baseAddress).Host, recorder.Single.Uri.Host);
    }

    [Fact]
    public void A_token_provider_that_would_withhold_the_token_from_the_base_address_fails_start_up_naming_the_host()
    {
        var services = new ServiceCollection();
        services.AddKooDriveClient(options =>
        {
            options.BaseAddress = new Uri("http://127.0.0.1:5080/");
            options.UserId = TestPipelines.UserId;
            options.AccessTokenProvider = new StaticAccessTokenProvider(TestPipelines.Token, KooDriveHosts.International);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains("'127.0.0.1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("allowedHosts", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPipelines.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_DI_a_request_to_a_host_outside_the_policy_fails_before_I_O_naming_the_AllowedHosts_option()
    {
        var services = new ServiceCollection();
        var recorder = new RecordingHandler();
        services.AddKooDriveClient(options =>
        {
            options.UserId = TestPipelines.UserId;
            options.AccessTokenProvider = new StaticAccessTokenProvider(TestPipelines.Token);
        }).UsingTransport(recorder);
        await using var provider = services.BuildServiceProvider();
        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(KooDriveServiceCollectionExtensions.HttpClientName);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync(new Uri("https://elsewhere.example/x")));

        Assert.Contains("'elsewhere.example'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowedHosts", error.Message, StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task Registering_twice_configures_twice_but_builds_the_pipeline_once()
    {
        var services = new ServiceCollection();
        var recorder = new RecordingHandler();
        services.AddKooDriveClient(Signing).UsingTransport(recorder);
        services.AddKooDriveClient(options => options.Language = "en_us");
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBackupClient>().UnbindDeviceAsync("1842812272691451648");

        var chain = DiTestHost.Chain(provider);
        Assert.Single(chain, h => h is KooDriveAuthenticationHandler);
        Assert.Single(chain, h => h is KooDriveResilienceHandler);
        Assert.Equal("en_us", recorder.Single.Header("language"));
        Assert.Equal(KooDriveTelemetry.UserAgent, recorder.Single.Header("User-Agent"));
    }

    [Fact]
    public void A_primary_handler_that_follows_redirects_is_refused_with_a_clear_message()
    {
        var services = new ServiceCollection();
        services.AddKooDriveClient(Signing).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IBackupClient>());

        Assert.Contains("AllowAutoRedirect = false", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clock_is_one_singleton_shared_across_handler_rotations()
    {
        var services = new ServiceCollection();
        var recorder = new RecordingHandler
        {
            Respond = (_, _) =>
            {
                var response = RecordingHandler.Success();
                response.Headers.Date = TestPipelines.VectorTime.AddMinutes(-10);
                return response;
            },
        };
        services.AddKooDriveClient(Signing).UsingTransport(recorder).SetHandlerLifetime(TimeSpan.FromSeconds(1));
        await using var provider = services.BuildServiceProvider();

        var firstHeaders = DiTestHost.Chain(provider).OfType<KooDriveAuthenticationHandler>().Single();
        await provider.GetRequiredService<IBackupClient>().UnbindDeviceAsync("1842812272691451648");
        KooDriveAuthenticationHandler? secondHeaders = null;
        await Resilience.Support.Eventually.TrueAsync(
            () => !ReferenceEquals(secondHeaders = DiTestHost.Chain(provider).OfType<KooDriveAuthenticationHandler>().Single(), firstHeaders),
            "the factory to rotate the handlers");
        await provider.GetRequiredService<IBackupClient>().UnbindDeviceAsync("1842812272691451649");

        var clock = provider.GetRequiredService<KooDriveClock>();
        Assert.Same(clock, firstHeaders.Clock);
        Assert.Same(clock, secondHeaders!.Clock);
        Assert.Equal(TimeSpan.FromMinutes(-10), clock.Offset);
        Assert.Equal("20251103T065140Z", recorder.Requests[1].Header("X-Date"));
    }

    [Fact]
    public async Task Retries_through_DI_sign_every_attempt_afresh()
    {
        var services = new ServiceCollection();
        var time = new Resilience.Support.TimerRecordingTimeProvider(TestPipelines.VectorTime);
        var recorder = new RecordingHandler
        {
            Respond = (_, n) =>
            {
                var response = new HttpResponseMessage(n == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
                response.Headers.Add("Retry-After", "3");
                return response;
            },
        };
        services.AddKooDriveClient(options =>
        {
            Signing(options);
            options.TimeProvider = time;
        }).UsingTransport(recorder);
        await using var provider = services.BuildServiceProvider();
        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("KooDrive");

        var call = http.DeleteAsync(new Uri("koodrive/ose/v1/backup/device/1842812272691451648", UriKind.Relative));
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(3));
        using var response = await call;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["20251103T070140Z", "20251103T070143Z"], recorder.Requests.Select(r => r.Header("X-Date")));
        Assert.All(recorder.Requests, r => Assert.Equal(IndependentSigner.ExpectedAuthorization(r), r.Header("Authorization")));
        Assert.NotEqual(recorder.Requests[0].Header("Authorization"), recorder.Requests[1].Header("Authorization"));
    }

    private sealed class MarkerHandler : DelegatingHandler;
}
