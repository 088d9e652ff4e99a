using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using KooDrive.Generated.Errors;
using KooDrive.Generated.Tests.Support;
using Newtonsoft.Json;

namespace KooDrive.Generated.Tests.Errors;

public class ErrorMappingTests
{
    private const string TraceId = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789";
    private const string Secret = "Bearer s3cr3t-access-token-that-must-never-leak";
    private const string DeviceId = "1842812272691451648";

    [Theory]
    [InlineData(400, typeof(KooDriveBadRequestException))]
    [InlineData(401, typeof(KooDriveUnauthorizedException))]
    [InlineData(404, typeof(KooDriveNotFoundException))]
    [InlineData(429, typeof(KooDriveThrottledException))]
    [InlineData(500, typeof(KooDriveServerException))]
    [InlineData(502, typeof(KooDriveServerException))]
    [InlineData(503, typeof(KooDriveServerException))]
    [InlineData(403, typeof(KooDriveApiException))]
    [InlineData(409, typeof(KooDriveApiException))]
    [InlineData(204, typeof(KooDriveApiException))]
    public async Task Each_error_status_becomes_its_own_exception_type_with_the_service_account(int status, Type expected)
    {
        var error = await CallUnbind((HttpStatusCode)status, """{"code":13000201,"msg":"inner server invoke failure"}""");

        Assert.Equal(expected, error.GetType());
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("13000201", error.ServiceCode);
        Assert.Equal("inner server invoke failure", error.ServiceMessage);
        Assert.Equal(TraceId, error.TraceId);
        Assert.Equal("""{"code":13000201,"msg":"inner server invoke failure"}""", error.BodyExcerpt);
        Assert.Contains("13000201", error.Message, StringComparison.Ordinal);
        Assert.Contains(TraceId, error.Message, StringComparison.Ordinal);
        Assert.Contains("UnbindDevice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, """{"error_msg":"The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute","error_code":"APIGW.0308","request_id":"b3a1"}""", "APIGW.0308", "The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute")]
    [InlineData(404, """{"error_msg":"The API does not exist or has not been published in the environment","error_code":"APIGW.0101","request_id":"c4"}""", "APIGW.0101", "The API does not exist or has not been published in the environment")]
    [InlineData(401, """{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information."}""", "APIGW.0301", "Incorrect IAM authentication information.")]
    [InlineData(500, """{"code":13000201,"msg":"inner","error_code":"APIGW.0001","error_msg":"gateway"}""", "13000201", "inner")]
    public async Task A_gateway_body_gives_its_error_code_and_error_msg(int status, string body, string code, string message)
    {
        var error = await CallUnbind((HttpStatusCode)status, body);

        Assert.Equal(code, error.ServiceCode);
        Assert.Equal(message, error.ServiceMessage);
        Assert.Contains($"with code {code}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no 'code'", error.Message, StringComparison.Ordinal);
        Assert.Equal(TraceId, error.Data[KooDrive.Generated.Auth.KooDriveTraceId.ExceptionDataKey]);
    }

    [Fact]
    public async Task An_object_with_neither_code_nor_error_code_says_so()
    {
        var error = await CallUnbind(HttpStatusCode.BadGateway, """{"message":"upstream"}""");

        Assert.Null(error.ServiceCode);
        Assert.Contains("neither 'code' nor a gateway's 'error_code'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(200)]
    [InlineData(503)]
    public async Task Every_KooDriveApiException_carries_its_trace_ID_in_Data(int status)
    {
        var error = await CallUnbind((HttpStatusCode)status, status == 200 ? """{"code":1,"msg":"x"}""" : """{"code":13000201}""");

        Assert.Equal(TraceId, error.TraceId);
        Assert.Equal(TraceId, error.Data[KooDrive.Generated.Auth.KooDriveTraceId.ExceptionDataKey]);
    }

    [Theory]
    [InlineData("""{"code":13000201,"msg":"inner server invoke failure"}""", "13000201")]
    [InlineData("""{"code":"15000418","msg":"The backup scope does not exist."}""", "15000418")]
    [InlineData("""{"code":"APIGW.0301","msg":"Incorrect IAM authentication information."}""", "APIGW.0301")]
    [InlineData("""{"code":-1}""", "-1")]
    public async Task HTTP_200_with_a_non_zero_code_is_a_service_error(string body, string code)
    {
        var error = await CallUnbind(HttpStatusCode.OK, body);

        var serviceError = Assert.IsType<KooDriveServiceErrorException>(error);
        Assert.Equal(200, serviceError.StatusCode);
        Assert.Equal(code, serviceError.ServiceCode);
        Assert.Equal(TraceId, serviceError.TraceId);
        Assert.Equal(body, serviceError.Response);
    }

    [Theory]
    [InlineData("""{"code":0,"msg":"success","data":{"deviceId":"1775406005920779393"}}""")]
    [InlineData("""{"code":"0","msg":"success"}""")]
    [InlineData("""{"msg":"success","code":0,"unknown":{"deep":[1,2,{"x":null}]}}""")]
    public async Task HTTP_200_with_code_0_returns_the_result(string body)
    {
        var handler = StubHandler.Answer(HttpStatusCode.OK, body);

        var result = await TestClients.Backup(handler).UnbindDeviceAsync(DeviceId);

        Assert.Equal(0, result.Code);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "not well-formed JSON")]
    [InlineData("""{"code":0,"msg":"succ""", "not well-formed JSON")]
    [InlineData("""{"code":0,"data":{"deviceId":"1"}""", "not well-formed JSON")]
    [InlineData("""{"code":0} trailing""", "not well-formed JSON")]
    [InlineData("null", "not an object")]
    [InlineData("""[{"code":0}]""", "not an object")]
    [InlineData("\"ok\"", "not an object")]
    [InlineData("""{"msg":"success"}""", "no 'code'")]
    [InlineData("""{"code":0,"data":{"deviceId":"1775406005920779300VW5TYWZlSW50ZWdlcg=="}}""", "does not match UnbindDeviceResponse")]
    [InlineData("""{"code":0,"data":{"deviceId":1.5}}""", "does not match UnbindDeviceResponse")]
    [InlineData("""{"code":0,"data":"a string"}""", "does not match UnbindDeviceResponse")]
    public async Task A_200_body_the_SDK_cannot_read_is_an_invalid_response_never_a_parser_exception(string body, string problem)
    {
        var error = await CallUnbind(HttpStatusCode.OK, body);

        var invalid = Assert.IsType<KooDriveInvalidResponseException>(error);
        Assert.Contains(problem, invalid.Message, StringComparison.Ordinal);
        Assert.Equal(TraceId, invalid.TraceId);
        Assert.Equal(body, invalid.Response);
        Assert.True(invalid.InnerException is null or JsonException, invalid.InnerException?.GetType().Name);
    }

    [Fact]
    public async Task A_rounded_ID_in_a_response_names_its_JSON_path()
    {
        var error = await CallUnbind(HttpStatusCode.OK, """{"code":0,"data":{"deviceId":"1775406005920779300VW5TYWZlSW50ZWdlcg=="}}""");

        Assert.IsType<KooDriveInvalidResponseException>(error);
        var inner = Assert.IsType<JsonSerializationException>(error.InnerException);
        Assert.Equal("data.deviceId", inner.Path);
        Assert.Contains("rounded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_HTML_page_on_502_is_a_server_error_with_the_page_in_the_excerpt()
    {
        const string page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
        var error = await CallUnbind(HttpStatusCode.BadGateway, page, "text/html");

        var server = Assert.IsType<KooDriveServerException>(error);
        Assert.Null(server.ServiceCode);
        Assert.Equal(page, server.BodyExcerpt);
        Assert.Contains("502", server.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "")]
    [InlineData(HttpStatusCode.Unauthorized, "{\"code\":")]
    [InlineData(HttpStatusCode.NotFound, "Not Found")]
    public async Task Error_statuses_with_empty_truncated_or_plain_bodies_keep_their_type(HttpStatusCode status, string body)
    {
        var error = await CallUnbind(status, body, "text/plain");

        Assert.Equal((int)status, error.StatusCode);
        Assert.NotEqual(typeof(KooDriveApiException), error.GetType());
        Assert.Null(error.ServiceCode);
    }

    [Fact]
    public async Task The_body_excerpt_is_bounded_to_1_KB_and_a_huge_error_body_is_not_read_whole()
    {
        var body = "{\"code\":500,\"msg\":\"" + new string('x', 200_000) + "\"}";

        var error = await CallUnbind(HttpStatusCode.InternalServerError, body);

        Assert.Equal(KooDriveApiException.MaxBodyExcerptLength, error.BodyExcerpt!.Length);
        Assert.StartsWith("{\"code\":500", error.BodyExcerpt, StringComparison.Ordinal);
        Assert.True(error.Response!.Length <= 64 * 1024, error.Response.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(error.Message.Length < 1024, "the message stays short");
    }

    [Fact]
    public async Task Throttling_carries_Retry_After_in_seconds()
    {
        var error = await CallUnbind((HttpStatusCode)429, """{"code":429,"msg":"slow down"}""", configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<KooDriveThrottledException>(error).RetryAfter);
    }

    [Fact]
    public async Task Throttling_carries_Retry_After_as_an_HTTP_date_relative_to_the_response_date()
    {
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var error = await CallUnbind((HttpStatusCode)429, string.Empty, configure: r =>
        {
            r.Headers.Date = now;
            r.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(30));
        });

        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<KooDriveThrottledException>(error).RetryAfter);
    }

    [Fact]
    public async Task Throttling_without_Retry_After_has_none()
    {
        var error = await CallUnbind((HttpStatusCode)429, string.Empty);

        Assert.Null(Assert.IsType<KooDriveThrottledException>(error).RetryAfter);
    }

    [Fact]
    public async Task No_exception_carries_the_requests_credential()
    {
        var bodies = new (HttpStatusCode Status, string Body)[]
        {
            (HttpStatusCode.BadRequest, """{"code":13000102,"msg":"Verify parameters failed."}"""),
            (HttpStatusCode.Unauthorized, "<html>401</html>"),
            (HttpStatusCode.NotFound, string.Empty),
            ((HttpStatusCode)429, """{"code":1}"""),
            (HttpStatusCode.InternalServerError, """{"code":13000201}"""),
            (HttpStatusCode.OK, """{"code":13000201,"msg":"x"}"""),
            (HttpStatusCode.OK, "<html>oops</html>"),
            (HttpStatusCode.OK, """{"code":0,"data":{"deviceId":true}}"""),
        };

        foreach (var (status, body) in bodies)
        {
            var error = await CallUnbind(status, body);
            var everything = string.Join('\n', error.ToString(), error.Message, error.Response, error.BodyExcerpt, error.ServiceMessage,
                string.Join(';', error.Headers.SelectMany(h => h.Value.Prepend(h.Key))));

            Assert.DoesNotContain("s3cr3t", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("Authorization", everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Every_operation_maps_errors_the_same_way()
    {
        var handler = new FakeAuthHandler(TraceId, Secret) { InnerHandler = StubHandler.Answer(HttpStatusCode.NotFound, """{"code":404,"msg":"gone"}""") };
        var backup = TestClients.Backup(handler);
        var album = TestClients.Album(handler);
        var add = new AddBackupScopesRequest { ModuleCode = ModuleCode.FolderBackup, ScopeList = { new ScopeBaseInfo { LocalPath = "/a" } } };

        var errors = new[]
        {
            await Assert.ThrowsAsync<KooDriveNotFoundException>(() => backup.AddBackupScopesAsync(DeviceId, add)),
            await Assert.ThrowsAsync<KooDriveNotFoundException>(() => backup.DeleteBackupScopesAsync(DeviceId, DeleteBackupScopesRequest.Create(1L))),
            await Assert.ThrowsAsync<KooDriveNotFoundException>(() => backup.UnbindDeviceAsync(DeviceId)),
            await Assert.ThrowsAsync<KooDriveNotFoundException>(() => backup.DeleteBackupRecordAsync("1", "lock@102")),
            await Assert.ThrowsAsync<KooDriveNotFoundException>(() => album.DeleteAlbumContentsAsync("1", new DeleteAlbumContentsRequest { Ids = { "a" } })),
        };

        string[] operations = ["AddBackupScopes", "DeleteBackupScopes", "UnbindDevice", "DeleteBackupRecord", "DeleteAlbumContents"];
        Assert.All(operations.Zip(errors), pair => Assert.Contains($" to {pair.First} ", pair.Second.Message, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal(TraceId, e.TraceId));
    }

    [Fact]
    public async Task Per_item_failures_in_a_successful_batch_are_returned_not_thrown()
    {
        var handler = StubHandler.Answer(HttpStatusCode.OK, """
            {"scopeIdList":[],"failedScopeList":[{"scopeId":"1","errorCode":"15000418","msg":"The backup scope does not exist."}],"code":0,"msg":"success"}
            """);

        var response = await TestClients.Backup(handler).DeleteBackupScopesAsync(DeviceId, DeleteBackupScopesRequest.Create(1L));

        Assert.Equal("15000418", Assert.Single(response.FailedScopeList!).ErrorCode);
    }

    [Fact]
    public void An_exception_the_generated_code_builds_itself_still_reads_the_envelope_from_its_body()
    {
        var headers = new Dictionary<string, IEnumerable<string>> { ["X-Traceid"] = ["from-response"] };
        var error = new KooDriveApiException("m", 500, """{"code":"13000201","msg":"inner"}""", headers, null);

        Assert.Equal("13000201", error.ServiceCode);
        Assert.Equal("inner", error.ServiceMessage);
        Assert.Equal("from-response", error.TraceId);
        Assert.Equal("""{"code":"13000201","msg":"inner"}""", error.BodyExcerpt);
    }

    [Fact]
    public void Every_exception_type_is_built_by_the_SDK_through_one_constructor_shape()
    {
        var types = typeof(KooDriveApiException).Assembly.GetTypes().Where(typeof(KooDriveApiException).IsAssignableFrom).ToList();

        Assert.Contains(typeof(KooDriveThrottledException), types);
        Assert.All(types, type =>
        {
            var constructors = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            Assert.All(constructors, c => Assert.True(c.IsAssembly, $"{type.Name}({string.Join(", ", c.GetParameters().Select(p => p.ParameterType.Name))}) is not internal."));
            Assert.Single(constructors, c => c.GetParameters() is [{ ParameterType: var only }] && only == typeof(FailedResponse));

            // The base class alone keeps the shape NSwag's generated methods call, which builds the same FailedResponse.
            Assert.Equal(type == typeof(KooDriveApiException) ? 2 : 1, constructors.Length);
        });
    }

    private static async Task<KooDriveApiException> CallUnbind(HttpStatusCode status, string body, string mediaType = "application/json", Action<HttpResponseMessage>? configure = null)
    {
        var stub = StubHandler.Answer(status, body, mediaType, configure);
        var client = TestClients.Backup(new FakeAuthHandler(TraceId, Secret) { InnerHandler = stub });

        var error = await Assert.ThrowsAnyAsync<KooDriveApiException>(() => client.UnbindDeviceAsync(DeviceId));

        Assert.Single(stub.Requests);
        return error;
    }
}
