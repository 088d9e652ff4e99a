using System.Net;
using System.Net.Http.Headers;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.Tests.Auth.Support;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Errors;

/// <summary>
/// A charset no decoder knows is read as UTF-8 on every path (success, envelope error, HTTP error), with and
/// without the SDK's pipeline; a Retry-After date is measured in server time even without a Date header.
/// </summary>
public class ResponseDecodingTests
{
    private const string Device = "1842812272691451648";
    private const string UnknownCharset = "application/json; charset=utf-9";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_success_declared_in_an_unknown_charset_is_read_as_UTF_8(bool pipeline)
    {
        var backup = Backup(Answer(HttpStatusCode.OK, """{"code":0,"msg":"succès"}"""), pipeline);

        var result = await backup.UnbindDeviceAsync(Device);

        Assert.Equal(0, result.Code);
        Assert.Equal("succès", result.Msg);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_envelope_error_declared_in_an_unknown_charset_is_a_typed_service_error(bool pipeline)
    {
        var backup = Backup(Answer(HttpStatusCode.OK, """{"code":13000201,"msg":"inner server invoke failure"}"""), pipeline);

        var error = await Assert.ThrowsAsync<KooDriveServiceErrorException>(() => backup.UnbindDeviceAsync(Device));

        Assert.Equal("13000201", error.ServiceCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_non_JSON_success_declared_in_an_unknown_charset_is_a_typed_invalid_response(bool pipeline)
    {
        var backup = Backup(Answer(HttpStatusCode.OK, "<html>gateway</html>"), pipeline);

        var error = await Assert.ThrowsAsync<KooDriveInvalidResponseException>(() => backup.UnbindDeviceAsync(Device));

        Assert.Contains("gateway", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HTTP_error_declared_in_an_unknown_charset_is_typed_with_its_envelope()
    {
        var backup = Backup(Answer(HttpStatusCode.InternalServerError, """{"code":13000201,"msg":"échec"}"""), pipeline: true);

        var error = await Assert.ThrowsAsync<KooDriveServerException>(() => backup.UnbindDeviceAsync(Device));

        Assert.Equal("13000201", error.ServiceCode);
        Assert.Equal("échec", error.ServiceMessage);
    }

    [Fact]
    public async Task A_Retry_After_date_without_a_Date_header_is_measured_against_the_pipelines_clock_not_the_system_clock()
    {
        // The fake clock is years away from the system clock: measured against the latter, the wait would be zero.
        var time = TestPipelines.Time();
        var stub = StubHandler.Answer(
            (HttpStatusCode)429,
            """{"code":429,"msg":"slow down"}""",
            configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TestPipelines.VectorTime.AddSeconds(30)));
        using var http = KooDriveHttpClientFactory.Create(TestPipelines.Bearer(time: time), stub);

        var error = await Assert.ThrowsAsync<KooDriveThrottledException>(() => new BackupClient(http).UnbindDeviceAsync(Device));

        Assert.Null(error.Headers.FirstOrDefault(h => string.Equals(h.Key, "Date", StringComparison.OrdinalIgnoreCase)).Value);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    private static StubHandler Answer(HttpStatusCode status, string body) =>
        StubHandler.Answer(status, body, configure: r => r.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(UnknownCharset));

    private static BackupClient Backup(StubHandler stub, bool pipeline) =>
        pipeline
            ? new BackupClient(KooDriveHttpClientFactory.Create(TestPipelines.Bearer(time: TimeProvider.System), stub))
            : TestClients.Backup(stub);
}
