using System.Net;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.Tests.Auth.Support;
using Microsoft.Extensions.Time.Testing;

namespace KooDrive.Generated.Tests.Auth;

public class KooDriveClockTests
{
    private static readonly Uri Path = new("koodrive/ose/v1/backup/record/1842862763295184641", UriKind.Relative);

    [Fact]
    public void X_Date_is_the_local_UTC_time_truncated_to_the_second_until_something_is_learned()
    {
        var clock = new KooDriveClock(new FakeTimeProvider(TestPipelines.VectorTime.AddMilliseconds(999)));

        Assert.Equal("20251103T070140Z", clock.GetXDate());
        Assert.Equal(TimeSpan.Zero, clock.Offset);
    }

    [Fact]
    public void A_server_behind_the_client_is_adopted_at_once_so_X_Date_is_never_in_its_future()
    {
        var clock = new KooDriveClock(TestPipelines.Time());

        Assert.True(clock.Observe(TestPipelines.VectorTime.AddSeconds(-2)));

        Assert.Equal(TimeSpan.FromSeconds(-2), clock.Offset);
        Assert.Equal("20251103T070138Z", clock.GetXDate());
    }

    [Fact]
    public void A_server_ahead_by_less_than_the_tolerance_is_latency_noise_and_ignored()
    {
        var clock = new KooDriveClock(TestPipelines.Time());

        Assert.False(clock.Observe(TestPipelines.VectorTime.AddSeconds(30)));

        Assert.Equal(TimeSpan.Zero, clock.Offset);
    }

    [Fact]
    public void A_server_ahead_by_more_than_the_tolerance_is_adopted()
    {
        var clock = new KooDriveClock(TestPipelines.Time()) { LagTolerance = TimeSpan.FromSeconds(10) };

        Assert.True(clock.Observe(TestPipelines.VectorTime.AddSeconds(11)));

        Assert.Equal("20251103T070151Z", clock.GetXDate());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(15 * 60)]
    public void The_tolerance_must_be_within_the_signature_validity(int seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KooDriveClock { LagTolerance = TimeSpan.FromSeconds(seconds) });
    }

    [Theory]
    [InlineData("20251103T070140Z", true)]
    [InlineData("20251103T070140", false)]
    [InlineData("2025-11-03T07:01:40Z", false)]
    [InlineData("20251303T070140Z", false)]
    [InlineData(null, false)]
    public void X_Date_values_parse_only_in_the_documented_form(string? value, bool valid)
    {
        Assert.Equal(valid, KooDriveClock.TryParseXDate(value, out var instant));
        if (valid)
        {
            Assert.Equal(TestPipelines.VectorTime, instant);
        }
    }

    [Fact]
    public async Task The_server_Date_of_a_successful_response_corrects_later_requests()
    {
        var recorder = new RecordingHandler
        {
            Respond = (_, n) => WithDate(RecordingHandler.Success(), TestPipelines.VectorTime.AddMinutes(3)),
        };
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);

        using (await client.DeleteAsync(Path))
        {
        }

        using (await client.DeleteAsync(Path))
        {
        }

        Assert.Equal("20251103T070140Z", recorder.Requests[0].Header("X-Date"));
        Assert.Equal("20251103T070440Z", recorder.Requests[1].Header("X-Date"));
    }

    [Fact]
    public async Task A_cached_response_does_not_teach_the_clock()
    {
        var recorder = new RecordingHandler
        {
            Respond = (_, _) =>
            {
                var response = WithDate(RecordingHandler.Success(), TestPipelines.VectorTime.AddHours(-3));
                response.Headers.Age = TimeSpan.FromHours(3);
                return response;
            },
        };
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);

        using (await client.DeleteAsync(Path))
        {
        }

        using (await client.DeleteAsync(Path))
        {
        }

        Assert.Equal("20251103T070140Z", recorder.Requests[1].Header("X-Date"));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task A_request_refused_because_its_X_Date_is_in_the_servers_future_is_retried_once_with_a_corrected_and_re_signed_X_Date(HttpStatusCode status)
    {
        // The client's clock is 5 minutes ahead of the server's.
        var time = new FakeTimeProvider(TestPipelines.VectorTime.AddMinutes(5));
        var recorder = new RecordingHandler
        {
            Respond = (_, n) => n == 1
                ? RequestHeadersTests.Refused(status, TestPipelines.VectorTime)
                : WithDate(RecordingHandler.Success(), TestPipelines.VectorTime),
        };
        using var client = TestPipelines.Client(TestPipelines.Signing(time), recorder);

        using var response = await client.DeleteAsync(Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, recorder.Requests.Count);
        Assert.Equal("20251103T070640Z", recorder.Requests[0].Header("X-Date"));
        Assert.Equal("20251103T070140Z", recorder.Requests[1].Header("X-Date"));
        Assert.All(recorder.Requests, r => Assert.Equal(IndependentSigner.ExpectedAuthorization(r), r.Header("Authorization")));
        Assert.NotEqual(recorder.Requests[0].Header("Authorization"), recorder.Requests[1].Header("Authorization"));
        Assert.Equal(recorder.Requests[0].Header("X-Traceid"), recorder.Requests[1].Header("X-Traceid"));
        // Vector C: the retry is exactly the reference request.
        Assert.EndsWith("Signature=e27b805167e76e82e2fdd23f179fdab64a24d1dd34cee44be2259c143efe97f3", recorder.Requests[1].Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_refused_because_its_X_Date_expired_is_retried_once()
    {
        // The client's clock is 20 minutes behind the server's.
        var time = new FakeTimeProvider(TestPipelines.VectorTime.AddMinutes(-20));
        var recorder = new RecordingHandler
        {
            Respond = (_, n) => n == 1 ? RequestHeadersTests.Refused(HttpStatusCode.BadRequest, TestPipelines.VectorTime) : RecordingHandler.Success(),
        };
        using var client = TestPipelines.Client(TestPipelines.Bearer(time: time), recorder);

        using var response = await client.DeleteAsync(Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["20251103T064140Z", "20251103T070140Z"], recorder.Requests.Select(r => r.Header("X-Date")));
        Assert.All(recorder.Requests, r => Assert.Equal("Bearer " + TestPipelines.Token, r.Header("Authorization")));
    }

    [Fact]
    public async Task A_time_refusal_is_retried_only_once()
    {
        var time = new FakeTimeProvider(TestPipelines.VectorTime.AddMinutes(5));
        var recorder = new RecordingHandler
        {
            Respond = (_, n) => RequestHeadersTests.Refused(HttpStatusCode.BadRequest, TestPipelines.VectorTime.AddMinutes(-30 * n)),
        };
        using var client = TestPipelines.Client(TestPipelines.Signing(time), recorder);

        using var response = await client.DeleteAsync(Path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, recorder.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, 0)]
    [InlineData(HttpStatusCode.BadRequest, 14 * 60)]
    [InlineData(HttpStatusCode.Forbidden, -3600)]
    [InlineData(HttpStatusCode.InternalServerError, -3600)]
    public async Task A_refusal_that_is_not_about_time_is_returned_without_retry(HttpStatusCode status, int serverAheadSeconds)
    {
        var recorder = new RecordingHandler
        {
            Respond = (_, _) => RequestHeadersTests.Refused(status, TestPipelines.VectorTime.AddSeconds(serverAheadSeconds)),
        };
        using var client = TestPipelines.Client(TestPipelines.Signing(), recorder);

        using var response = await client.DeleteAsync(Path);

        Assert.Equal(status, response.StatusCode);
        Assert.Single(recorder.Requests);
    }

    [Fact]
    public async Task A_refusal_without_a_Date_header_is_not_retried()
    {
        var recorder = new RecordingHandler { Respond = (_, _) => RecordingHandler.Json(HttpStatusCode.BadRequest, "{}") };
        using var client = TestPipelines.Client(TestPipelines.Signing(new FakeTimeProvider(TestPipelines.VectorTime.AddHours(1))), recorder);

        using var response = await client.DeleteAsync(Path);

        Assert.Single(recorder.Requests);
    }

    [Fact]
    public async Task The_clock_shared_by_two_pipelines_carries_the_learned_offset_across_them()
    {
        var clock = new KooDriveClock(TestPipelines.Time());
        var options = TestPipelines.Signing();
        var first = new RecordingHandler { Respond = (_, _) => WithDate(RecordingHandler.Success(), TestPipelines.VectorTime.AddMinutes(-4)) };
        var second = new RecordingHandler();

        await SendThrough(KooDriveHttpClientFactory.CreateHandlers(options, clock), first);
        await SendThrough(KooDriveHttpClientFactory.CreateHandlers(options, clock), second);

        Assert.Equal("20251103T065740Z", second.Single.Header("X-Date"));
    }

    private static async Task SendThrough(IReadOnlyList<DelegatingHandler> handlers, HttpMessageHandler transport)
    {
        for (var i = 0; i < handlers.Count; i++)
        {
            handlers[i].InnerHandler = i + 1 < handlers.Count ? handlers[i + 1] : transport;
        }

        using var invoker = new HttpMessageInvoker(handlers[0]);
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(KooDriveClientOptions.InternationalEndpoint, Path));
        using var response = await invoker.SendAsync(request, CancellationToken.None);
    }

    private static HttpResponseMessage WithDate(HttpResponseMessage response, DateTimeOffset date)
    {
        response.Headers.Date = date;
        return response;
    }
}
