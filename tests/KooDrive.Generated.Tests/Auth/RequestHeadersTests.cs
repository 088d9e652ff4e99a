using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.Tests.Auth.Support;

namespace KooDrive.Generated.Tests.Auth;

public partial class RequestHeadersTests
{
    [Fact]
    public async Task X_Date_is_UTC_in_the_documented_format_from_the_injected_clock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 2, 9, 23, 59, 58, 999, TimeSpan.FromHours(-5)));
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(time: time), recorder);

        using var response = await client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative));

        var xDate = recorder.Single.Header("X-Date");
        Assert.Matches(XDatePattern(), xDate);
        Assert.Equal("20260210T045958Z", xDate);
    }

    [Fact]
    public async Task X_User_Id_replaces_any_value_already_present()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);
        using var message = new HttpRequestMessage(HttpMethod.Get, "koodrive/ose/v1/x");
        message.Headers.TryAddWithoutValidation("X-User-Id", "someone-else");

        using var response = await client.SendAsync(message);

        Assert.Equal(["1505084218764547200"], recorder.Single.Headers["X-User-Id"]);
    }

    [Fact]
    public async Task Language_is_sent_only_when_configured()
    {
        var without = new RecordingHandler();
        using (var client = TestPipelines.Client(TestPipelines.Bearer(), without))
        using (await client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative)))
        {
        }

        var with = new RecordingHandler();
        var options = TestPipelines.Bearer();
        options.Language = "en_us";
        using (var client = TestPipelines.Client(options, with))
        using (await client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative)))
        {
        }

        Assert.False(without.Single.HasHeader("language"));
        Assert.Equal("en_us", with.Single.Header("language"));
    }

    [Fact]
    public async Task A_new_58_character_trace_ID_is_generated_for_every_request()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative));
        }

        var ids = recorder.Requests.Select(r => r.Header("X-Traceid")!).ToList();
        Assert.All(ids, id => Assert.Matches(TraceIdPattern(), id));
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(ids, recorder.Requests.Select(r => r.TraceIdOption));
    }

    [Fact]
    public async Task The_trace_ID_of_an_ambient_scope_is_used_and_restored_after_the_scope()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);
        var outer = new string('a', 58);
        var inner = new string('b', 58);

        using (KooDriveTraceId.Begin(outer))
        {
            using (await client.GetAsync(new Uri("koodrive/ose/v1/1", UriKind.Relative)))
            {
            }

            using (KooDriveTraceId.Begin(inner))
            {
                using (await client.GetAsync(new Uri("koodrive/ose/v1/2", UriKind.Relative)))
                {
                }
            }

            using (await client.GetAsync(new Uri("koodrive/ose/v1/3", UriKind.Relative)))
            {
            }
        }

        using (await client.GetAsync(new Uri("koodrive/ose/v1/4", UriKind.Relative)))
        {
        }

        var ids = recorder.Requests.Select(r => r.Header("X-Traceid")).ToList();
        Assert.Equal([outer, inner, outer], ids.Take(3));
        Assert.NotEqual(outer, ids[3]);
        Assert.Null(KooDriveTraceId.Current);
    }

    [Fact]
    public async Task A_trace_ID_already_on_the_request_is_kept()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);
        var traceId = new string('7', 58);
        using var message = new HttpRequestMessage(HttpMethod.Get, "koodrive/ose/v1/x");
        message.Headers.TryAddWithoutValidation("X-Traceid", traceId);

        using var response = await client.SendAsync(message);

        Assert.Equal([traceId], recorder.Single.Headers["X-Traceid"]);
        Assert.Equal(traceId, KooDriveTraceId.Get(response.RequestMessage));
    }

    [Theory]
    [InlineData(57)]
    [InlineData(59)]
    public async Task A_trace_ID_of_the_wrong_length_on_the_request_is_rejected_before_sending(int length)
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);
        using var message = new HttpRequestMessage(HttpMethod.Get, "koodrive/ose/v1/x");
        message.Headers.TryAddWithoutValidation("X-Traceid", new string('7', length));

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(message));

        Assert.Equal("X-Traceid", exception.ParamName);
        Assert.Empty(recorder.Requests);
    }

    [Theory]
    [InlineData("X-Custom", "Qx7hdr\r\nX-Injected: 1")]
    [InlineData("X-Custom", "Qx7hdr\n")]
    [InlineData("X-Custom", "Qx7hdr\u0000")]
    [InlineData("x-backup-lock-id", "78e41c7e-db02-4d55-85b3-8153e4fefd2e@102\r\n")]
    public async Task A_header_value_with_a_control_character_is_rejected_naming_the_header_before_sending(string name, string value)
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);
        using var message = new HttpRequestMessage(HttpMethod.Get, "koodrive/ose/v1/x");
        Assert.True(message.Headers.TryAddWithoutValidation(name, value));

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(message));

        Assert.Equal(name, exception.ParamName);
        Assert.DoesNotContain(value[..6], exception.Message, StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

    // SocketsHttpHandler would refuse these only when sending, as an HttpRequestException the retry policy retries.
    [Theory]
    [InlineData("x-backup-lock-id", "lock-\u00e9@102")]
    [InlineData("x-backup-lock-id", " lock@102")]
    [InlineData("X-Custom", "Qx7hdr-\u76f8")]
    [InlineData("language", "Qx7hdr-\u00e9")]
    [InlineData("language", "Qx7hdr ")]
    public async Task A_header_value_that_is_not_printable_ASCII_is_rejected_before_any_attempt(string name, string value)
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(resilience: true), recorder);
        using var message = new HttpRequestMessage(HttpMethod.Delete, "koodrive/ose/v1/backup/record/1");
        Assert.True(message.Headers.TryAddWithoutValidation(name, value));

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(message));

        Assert.Equal(name, exception.ParamName);
        Assert.DoesNotContain(value.Trim()[..6], exception.ToString(), StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public void A_user_ID_or_language_that_is_not_ASCII_is_refused_when_the_client_is_built()
    {
        var options = TestPipelines.Bearer();
        options.UserId = "15050842\u00e9";
        Assert.Contains("UserId", Assert.Throws<ArgumentException>(() => KooDriveHttpClientFactory.Create(options, new RecordingHandler())).Message, StringComparison.Ordinal);
        options = TestPipelines.Bearer();
        options.Language = "fran\u00e7ais";
        Assert.Contains("Language", Assert.Throws<ArgumentException>(() => KooDriveHttpClientFactory.Create(options, new RecordingHandler())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_header_with_a_control_character_is_rejected()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);
        using var message = new HttpRequestMessage(HttpMethod.Post, "koodrive/ose/v1/x") { Content = new StringContent("{}") };
        message.Content.Headers.TryAddWithoutValidation("Content-Disposition", "inline\r\nX: y");

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(message));

        Assert.Equal("Content-Disposition", exception.ParamName);
        Assert.Empty(recorder.Requests);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("lock\r\nX-Injected: yes")]
    public async Task A_bad_lock_ID_passed_to_the_client_method_is_refused_naming_the_method_parameter(string lockId)
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);

        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => new BackupClient(client).DeleteBackupRecordAsync("1842812272691451648", lockId));

        Assert.Equal("backupLockId", exception.ParamName);
        Assert.DoesNotContain("X-Injected", exception.Message, StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_backup_lock_ID_is_rejected(string lockId)
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);
        using var message = new HttpRequestMessage(HttpMethod.Delete, "koodrive/ose/v1/backup/record/1");
        message.Headers.TryAddWithoutValidation("x-backup-lock-id", lockId);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(message));

        Assert.Equal("x-backup-lock-id", exception.ParamName);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task An_exception_from_the_transport_carries_the_trace_ID()
    {
        var recorder = new RecordingHandler { Throw = new HttpRequestException("connection reset") };
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);
        var traceId = new string('c', 58);

        using var scope = KooDriveTraceId.Begin(traceId);
        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative)));

        Assert.Equal(traceId, exception.Data[KooDriveTraceId.ExceptionDataKey]);
    }

    [Fact]
    public async Task The_response_leads_back_to_the_trace_ID_it_was_sent_with()
    {
        var recorder = new RecordingHandler();
        using var client = TestPipelines.Client(TestPipelines.Bearer(), recorder);

        using var response = await client.GetAsync(new Uri("koodrive/ose/v1/x", UriKind.Relative));

        Assert.Equal(recorder.Single.Header("X-Traceid"), KooDriveTraceId.Get(response.RequestMessage));
    }

    [Fact]
    public async Task The_body_is_buffered_so_a_one_shot_body_can_be_sent_again_on_a_time_retry()
    {
        var time = TestPipelines.Time();
        var recorder = new RecordingHandler
        {
            Respond = (_, n) => n == 1 ? Refused(HttpStatusCode.BadRequest, TestPipelines.VectorTime.AddMinutes(-5)) : RecordingHandler.Success(),
        };
        using var client = TestPipelines.Client(TestPipelines.Signing(time), recorder);
        var bytes = Encoding.UTF8.GetBytes("""{"scopeIdList":["1"]}""");
        using var message = new HttpRequestMessage(HttpMethod.Delete, "koodrive/ose/v1/backup/device/1/scope")
        {
            Content = new StreamContent(new NonSeekableStream(bytes)),
        };

        using var response = await client.SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, recorder.Requests.Count);
        Assert.All(recorder.Requests, r => Assert.Equal(bytes, r.Body));
        Assert.All(recorder.Requests, r => Assert.Equal(IndependentSigner.ExpectedAuthorization(r), r.Header("Authorization")));
    }

    [Theory]
    [InlineData(null, null, "UserId is required")]
    [InlineData("", null, "UserId must be")]
    [InlineData("1\r\n", null, "UserId must be")]
    [InlineData(" 1", null, "UserId must be")]
    [InlineData("1", "en\nus", "Language must be")]
    [InlineData("1", "", "Language must be")]
    public void The_user_ID_and_language_are_checked_once_with_the_options(string? userId, string? language, string expected)
    {
        var options = TestPipelines.Bearer();
        options.UserId = userId;
        options.Language = language;

        var exception = Assert.Throws<ArgumentException>(() => KooDriveHttpClientFactory.Create(options, new RecordingHandler()));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    internal static HttpResponseMessage Refused(HttpStatusCode status, DateTimeOffset serverDate)
    {
        var response = RecordingHandler.Json(status, """{"code":13000101,"msg":"Bad Request"}""");
        response.Headers.Date = serverDate;
        return response;
    }

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z$")]
    private static partial Regex XDatePattern();

    [GeneratedRegex("^[0-9a-f]{58}$")]
    private static partial Regex TraceIdPattern();

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
