using System.Net;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.DependencyInjection;
using KooDrive.Generated.Tests.Auth.Support;
using KooDrive.Generated.Tests.DependencyInjection.Support;
using KooDrive.Generated.Tests.Resilience.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KooDrive.Generated.Tests.Configuration;

/// <summary>The extension point: the application's handlers run where <see cref="KooDrivePipelinePosition"/> says, on both ways of building a client.</summary>
public class ApplicationHandlerTests
{
    private static readonly Uri Device = new("koodrive/ose/v1/backup/device/1842812272691451648", UriKind.Relative);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_per_call_handler_sees_the_call_once_and_a_per_retry_handler_sees_every_attempt_without_credentials(bool dependencyInjection)
    {
        var time = new TimerRecordingTimeProvider(TestPipelines.VectorTime);
        var recorder = new RecordingHandler
        {
            Respond = (_, n) => n == 1 ? RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, """{"code":1,"msg":"busy"}""") : RecordingHandler.Success(),
        };
        var perCall = new List<Seen>();
        var perRetry = new List<Seen>();
        void Configure(KooDriveClientOptions options)
        {
            var configured = TestPipelines.Signing(time, resilience: true);
            options.UserId = configured.UserId;
            options.AppCredential = configured.AppCredential;
            options.TimeProvider = time;
            options.AddHandler(() => new SeeingHandler(perCall), KooDrivePipelinePosition.PerCall)
                .AddHandler(() => new SeeingHandler(perRetry), KooDrivePipelinePosition.PerRetry);
        }

        using var client = Build(dependencyInjection, Configure, recorder, out var disposable);
        using (disposable)
        {
            var call = client.DeleteAsync(Device);
            var delay = await time.WaitForDelayAsync(0, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2));
            time.Advance(delay);
            using var response = await call;

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(2, recorder.Requests.Count);
        var traceId = recorder.Requests[0].Header("X-Traceid");
        Assert.Equal([new Seen(traceId, HasAuthorization: false)], perCall);
        Assert.Equal([new Seen(traceId, false), new Seen(traceId, false)], perRetry);
    }

    [Fact]
    public void Handlers_of_one_position_run_in_the_order_added_and_a_bad_position_is_refused()
    {
        var options = TestPipelines.Bearer();
        options.AddHandler(() => new FirstHandler(), KooDrivePipelinePosition.PerRetry)
            .AddHandler(() => new SecondHandler(), KooDrivePipelinePosition.PerRetry);

        var types = KooDriveHttpClientFactory.CreateHandlers(options, new KooDrive.Generated.Auth.KooDriveClock()).Select(h => h.GetType()).ToList();

        Assert.Equal(types.IndexOf(typeof(FirstHandler)) + 1, types.IndexOf(typeof(SecondHandler)));
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => options.AddHandler(() => new FirstHandler(), (KooDrivePipelinePosition)7)).ParamName);
        Assert.Equal("createHandler", Assert.Throws<ArgumentNullException>(() => options.AddHandler(null!, KooDrivePipelinePosition.PerCall)).ParamName);
    }

    private static HttpClient Build(bool dependencyInjection, Action<KooDriveClientOptions> configure, RecordingHandler recorder, out IDisposable? disposable)
    {
        if (!dependencyInjection)
        {
            var options = new KooDriveClientOptions();
            configure(options);
            disposable = null;
            return KooDriveHttpClientFactory.Create(options, recorder);
        }

        var services = new ServiceCollection();
        services.AddKooDriveClient(configure).UsingTransport(recorder);
        var provider = services.BuildServiceProvider();
        disposable = provider;
        return provider.GetRequiredService<IHttpClientFactory>().CreateClient(KooDriveServiceCollectionExtensions.HttpClientName);
    }

    private sealed record Seen(string? TraceId, bool HasAuthorization);

    private sealed class SeeingHandler(List<Seen> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var traceId = request.Headers.TryGetValues("X-Traceid", out var values) ? values.Single() : null;
            lock (seen)
            {
                seen.Add(new Seen(traceId, request.Headers.Contains("Authorization")));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class FirstHandler : DelegatingHandler;

    private sealed class SecondHandler : DelegatingHandler;
}
