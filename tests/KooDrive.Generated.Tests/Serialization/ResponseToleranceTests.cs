using System.Net;
using KooDrive.Generated.Tests.Support;
using Microsoft.OpenApi;
using Newtonsoft.Json.Linq;

namespace KooDrive.Generated.Tests.Serialization;

public class ResponseToleranceTests
{
    [Fact]
    public void FailedScopeList_reads_as_an_array_as_the_example_shows()
    {
        var response = KooDriveJson.Read<DeleteBackupScopesResponse>("""
            {"code":0,"failedScopeList":[{"scopeId":"1","errorCode":"15000418","msg":"gone"},{"scopeId":"2","errorCode":"15000424","msg":"twice"}]}
            """);

        Assert.Equal(["1", "2"], response.FailedScopeList!.Select(f => f.ScopeId));
    }

    [Fact]
    public void FailedScopeList_reads_as_a_single_object_as_the_table_says()
    {
        var deleted = KooDriveJson.Read<DeleteBackupScopesResponse>("""{"code":0,"failedScopeList":{"scopeId":1752990708303704321,"errorCode":"15000418","msg":"gone"}}""");
        var added = KooDriveJson.Read<AddBackupScopesResponse>("""{"code":0,"failedScopeList":{"localPath":"/a","errorCode":"1","msg":"no"}}""");

        var failure = Assert.Single(deleted.FailedScopeList!);
        Assert.Equal("1752990708303704321", failure.ScopeId);
        Assert.Equal("15000418", failure.ErrorCode);
        Assert.Equal("/a", Assert.Single(added.FailedScopeList!).LocalPath);
    }

    [Fact]
    public void A_list_of_objects_keeps_null_items_skips_comments_and_reads_each_item_by_the_model_rules()
    {
        var response = KooDriveJson.Read<DeleteBackupScopesResponse>("""
            {"code":0,"failedScopeList":[null,/* a gateway's note */{"scopeId":18428467155273665281,"ScopeId":"7"}]}
            """);

        Assert.Equal(2, response.FailedScopeList!.Count);
        Assert.Null(response.FailedScopeList.First());
        var failure = response.FailedScopeList.Last();
        Assert.Equal("18428467155273665281", failure.ScopeId);
        Assert.Equal("7", ((JValue)failure.AdditionalProperties["ScopeId"]).Value);
    }

    [Theory]
    [InlineData("""{"code":0,"failedScopeList":[{"scopeId":"1"},7]}""", "expected a JSON object for ScopeDeleteFailedInfo, found")]
    [InlineData("""{"code":0,"failedScopeList":[{"scopeId":"1","scopeId":"2"}]}""", "appears twice")]
    [InlineData("""{"code":0,"failedScopeList":"none"}""", "Expected an array or a single object")]
    [InlineData("""{"code":0,"failedScopeList":[{"scopeId":"1"},""", "ends inside")]
    public void A_list_of_objects_that_cannot_be_read_is_refused_saying_why(string json, string why)
    {
        var exception = Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => KooDriveJson.Read<DeleteBackupScopesResponse>(json));

        Assert.Contains(why, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"code":0}""")]
    [InlineData("""{"code":0,"failedScopeList":null,"scopeIdList":null,"msg":null}""")]
    public void Missing_or_null_optional_fields_read_as_null(string json)
    {
        var response = KooDriveJson.Read<DeleteBackupScopesResponse>(json);

        Assert.Null(response.FailedScopeList);
        Assert.Null(response.ScopeIdList);
        Assert.Null(response.Msg);
    }

    [Fact]
    public void Missing_optional_fields_of_nested_objects_read_as_null()
    {
        var response = KooDriveJson.Read<UnbindDeviceResponse>("""{"code":0,"data":{}}""");

        Assert.NotNull(response.Data);
        Assert.Null(response.Data.DeviceId);
        Assert.Null(response.Data.DeviceName);
        Assert.Null(KooDriveJson.Read<UnbindDeviceResponse>("""{"code":0}""").Data);
    }

    [Fact]
    public void Unknown_fields_are_ignored_and_kept_in_AdditionalProperties()
    {
        var response = KooDriveJson.Read<DeleteBackupScopesResponse>("""
            {"code":0,"requestId":"r-1","$type":"System.Object","nested":{"a":[1,2]},"scopeIdList":["1"],
             "failedScopeList":[{"scopeId":"2","retryable":true}]}
            """);

        Assert.Equal(["1"], response.ScopeIdList!);
        Assert.Equal("r-1", Convert.ToString(response.AdditionalProperties["requestId"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(response.AdditionalProperties.ContainsKey("nested"));
        Assert.True(response.AdditionalProperties.ContainsKey("$type"));
        Assert.True(Assert.Single(response.FailedScopeList!).AdditionalProperties.ContainsKey("retryable"));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("\"0\"", 0)]
    [InlineData("13000201", 13000201)]
    [InlineData("\"13000201\"", 13000201)]
    public void Code_reads_as_an_integer_or_a_numeric_string(string json, int code)
    {
        Assert.Equal(code, KooDriveJson.Read<KooDriveResult>($$"""{"code":{{json}},"msg":"x"}""").Code);
        Assert.Equal(code, KooDriveJson.Read<DeleteBackupScopesResponse>($$"""{"code":{{json}},"scopeIdList":["1"]}""").Code);
    }

    [Fact]
    public void Every_200_example_in_the_spec_reads_into_its_response_type()
    {
        var examples = 0;
        foreach (var (path, item) in SpecDocument.Document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                var media = operation.Responses!["200"].Content!["application/json"];
                var type = typeof(KooDriveResult).Assembly.GetType($"KooDrive.Generated.{((OpenApiSchemaReference)media.Schema!).Reference.Id}")!;
                Assert.True(media.Examples is { Count: > 0 }, $"{operation.OperationId} ({method} {path}) has no example of its 200 response: add the page's example to the spec.");
                foreach (var (name, example) in media.Examples!)
                {
                    var json = example.Value!.ToJsonString();
                    var read = Newtonsoft.Json.JsonConvert.DeserializeObject(json, type, KooDriveJson.Settings);

                    Assert.True(read is KooDriveResult { Code: 0 }, $"{method} {path} example '{name}'");
                    examples++;
                }
            }
        }

        // Every operation documents one 200 example.
        Assert.Equal(SpecModel.Operations(SpecDocument.Document).Count(), examples);
    }

    [Fact]
    public async Task A_client_returns_IDs_the_service_sent_as_numbers_exactly()
    {
        // The page's response, with the IDs as bare JSON numbers and failedScopeList as a single object.
        var handler = StubHandler.Answer(HttpStatusCode.OK, """
            {"scopeIdList":[1842846715527366528],"failedScopeList":{"scopeId":1760265745989677312,"errorCode":"15000418","msg":"The backup scope does not exist."},"code":0,"msg":"success","extra":1}
            """);

        var response = await TestClients.Backup(handler).DeleteBackupScopesAsync("1842812272691451648", DeleteBackupScopesRequest.Create(1842846715527366528L, 1760265745989677312L));

        Assert.Equal(["1842846715527366528"], response.ScopeIdList!);
        Assert.Equal("1760265745989677312", Assert.Single(response.FailedScopeList!).ScopeId);
        Assert.Equal("""{"scopeIdList":["1842846715527366528","1760265745989677312"]}""", Assert.Single(handler.Requests).Body);
    }
}
