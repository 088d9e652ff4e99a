using System.Numerics;
using KooDrive.Generated.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KooDrive.Generated.Tests.Serialization;

public class IdReadingTests
{
    private const string Id = "1842846715527366528";

    [Theory]
    [InlineData("\"1842846715527366528\"")]
    [InlineData("1842846715527366528")]
    public void A_scope_ID_as_a_JSON_string_or_integer_reads_as_its_exact_digits(string json)
    {
        var scope = KooDriveJson.Read<ScopeInfo>($$"""{"scopeId": {{json}}}""");

        Assert.Equal(Id, scope.ScopeId);
    }

    // A decimal or exponent form is what a floating-point formatter prints: above 2^53 its digits were rounded.
    [Theory]
    [InlineData("1.8428467155273665E18")]
    [InlineData("1.842846715527366528E18")]
    [InlineData("1.842846715527366528e+18")]
    [InlineData("1842846715527366528.0")]
    [InlineData("1842846715527366528.000000000000000000000000000000")]
    [InlineData("18428467155273665.28E2")]
    [InlineData("184284671552736652800E-2")]
    [InlineData("1842846715527366528E0")]
    [InlineData("9007199254740993.0")]
    public void A_scope_ID_in_a_floating_point_form_above_2_to_the_53_is_refused_as_rounded(string json)
    {
        var error = Assert.Throws<JsonSerializationException>(() => KooDriveJson.Read<ScopeInfo>($$"""{"scopeId": {{json}}}"""));

        Assert.Equal("scopeId", error.Path);
        Assert.Contains("2^53", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9.007199254740992E15", "9007199254740992")]
    [InlineData("1.0E3", "1000")]
    [InlineData("123.0", "123")]
    public void A_scope_ID_in_a_floating_point_form_up_to_2_to_the_53_reads_as_its_digits(string json, string digits)
    {
        var scope = KooDriveJson.Read<ScopeInfo>($$"""{"scopeId": {{json}}}""");

        Assert.Equal(digits, scope.ScopeId);
    }

    [Fact]
    public void Every_ID_field_the_spec_marks_reads_a_JSON_number_exactly()
    {
        // One JSON number per marked field; a double would turn each into ...366500 or similar.
        var added = KooDriveJson.Read<AddBackupScopesResponse>($$"""{"code":0,"scopeList":[{"scopeId":{{Id}}}]}""");
        var deleted = KooDriveJson.Read<DeleteBackupScopesResponse>($$"""{"code":0,"scopeIdList":[{{Id}}, 1760265745989677312],"failedScopeList":[{"scopeId":1752990708303704321}]}""");
        var unbound = KooDriveJson.Read<UnbindDeviceResponse>("""{"code":0,"data":{"deviceId":1775406005920779393}}""");
        var request = KooDriveJson.Read<DeleteBackupScopesRequest>("""{"scopeIdList":["123",123,345,1752777931588940032]}""");

        Assert.Equal(Id, Assert.Single(added.ScopeList!).ScopeId);
        Assert.Equal([Id, "1760265745989677312"], deleted.ScopeIdList!);
        Assert.Equal("1752990708303704321", Assert.Single(deleted.FailedScopeList!).ScopeId);
        Assert.Equal("1775406005920779393", unbound.Data!.DeviceId);
        Assert.Equal(["123", "123", "345", "1752777931588940032"], request.ScopeIdList);
    }

    [Fact]
    public void An_integer_of_any_length_keeps_every_digit()
    {
        var digits = string.Concat(Enumerable.Repeat("9876543210", 8));

        var scope = KooDriveJson.Read<ScopeInfo>($$"""{"scopeId": {{digits}}}""");

        Assert.Equal(digits, scope.ScopeId);
    }

    [Fact]
    public void A_string_of_digits_is_kept_exactly_as_written_including_leading_zeros()
    {
        Assert.Equal("000123", KooDriveJson.Read<ScopeInfo>("""{"scopeId":"000123"}""").ScopeId);
    }

    [Theory]
    [InlineData("1.5", "scopeId")]
    [InlineData("1842846715527366528.5", "scopeId")]
    [InlineData("1842846715527366528.0000000000000000000000001", "scopeId")]
    [InlineData("1.5e-400", "scopeId")]
    [InlineData("\"1.5\"", "scopeId")]
    [InlineData("-5", "scopeId")]
    [InlineData("true", "scopeId")]
    [InlineData("false", "scopeId")]
    [InlineData("{}", "scopeId")]
    [InlineData("{\"id\":1}", "scopeId")]
    [InlineData("[]", "scopeId")]
    [InlineData("[1842846715527366528]", "scopeId")]
    [InlineData("\"\"", "scopeId")]
    [InlineData("\"12 34\"", "scopeId")]
    [InlineData("\"0x1F\"", "scopeId")]
    [InlineData("1e999999999999", "scopeId")]
    [InlineData("NaN", "scopeId")]
    public void Anything_but_a_whole_number_is_rejected_naming_the_JSON_path(string json, string path)
    {
        var error = Assert.Throws<JsonSerializationException>(() => KooDriveJson.Read<ScopeInfo>($$"""{"scopeId": {{json}}}"""));

        Assert.Equal(path, error.Path);
        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"code":0,"scopeIdList":["1","2",{"x":1}]}""", "scopeIdList[2]")]
    [InlineData("""{"code":0,"scopeIdList":[{"x":1},"2"]}""", "scopeIdList[0]")]
    [InlineData("""{"code":0,"scopeIdList":[["1"]]}""", "scopeIdList[0]")]
    [InlineData("""{"code":0,"scopeIdList":["1",["2"]]}""", "scopeIdList[1]")]
    public void A_rejected_item_of_an_ID_list_is_named_by_its_index(string json, string path)
    {
        var error = Assert.Throws<JsonSerializationException>(() => KooDriveJson.Read<DeleteBackupScopesResponse>(json));

        Assert.Equal(path, error.Path);
        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_ID_inside_a_nested_list_is_named_by_its_full_path()
    {
        var error = Assert.Throws<JsonSerializationException>(() =>
            KooDriveJson.Read<DeleteBackupScopesResponse>("""{"code":0,"failedScopeList":[{"scopeId":"1"},{"scopeId":2.5}]}"""));

        Assert.Equal("failedScopeList[1].scopeId", error.Path);
    }

    [Theory]
    [InlineData("\"1760265745989677300VW5TYWZlSW50ZWdlcg==\"")]
    [InlineData("\"1842846715527366700VW5TYWZlSW50ZWdlcg==\"")]
    public void The_doc_renderers_unsafe_integer_marker_is_rejected_as_rounded(string json)
    {
        var error = Assert.Throws<JsonSerializationException>(() => KooDriveJson.Read<ScopeInfo>($$"""{"scopeId": {{json}}}"""));

        Assert.Contains("rounded", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be trusted", error.Message, StringComparison.Ordinal);
        Assert.Equal("scopeId", error.Path);
    }

    [Fact]
    public void The_request_example_printed_on_the_delete_scopes_page_is_refused_at_its_first_rounded_ID()
    {
        // Verbatim from the doc page: strings, numbers, and IDs the renderer rounded and marked.
        const string page = """
            { "scopeIdList": [ "123", 123, 345,
              "1760265745989677300VW5TYWZlSW50ZWdlcg==", "1752777931588940000VW5TYWZlSW50ZWdlcg==",
              "1752990708303704300VW5TYWZlSW50ZWdlcg==", "1842846715527366700VW5TYWZlSW50ZWdlcg==" ] }
            """;

        var error = Assert.Throws<JsonSerializationException>(() => KooDriveJson.Read<DeleteBackupScopesRequest>(page));

        Assert.Equal("scopeIdList[3]", error.Path);
    }

    [Fact]
    public void IDs_are_always_written_as_JSON_strings()
    {
        var read = KooDriveJson.Read<DeleteBackupScopesResponse>($$$"""{"code":0,"scopeIdList":[{{{Id}}}],"failedScopeList":{"scopeId":123}}""");

        var json = JObject.Parse(KooDriveJson.Write(read));

        Assert.Equal(JTokenType.String, json["scopeIdList"]![0]!.Type);
        Assert.Equal(Id, (string?)json["scopeIdList"]![0]);
        Assert.Equal(JTokenType.String, json["failedScopeList"]![0]!["scopeId"]!.Type);
    }

    [Fact]
    public void A_request_body_sends_its_IDs_as_JSON_strings()
    {
        var json = JObject.Parse(KooDriveJson.Write(DeleteBackupScopesRequest.Create(1842846715527366528L, KooDriveId.Parse("1760265745989677312"))));

        Assert.All(json["scopeIdList"]!, id => Assert.Equal(JTokenType.String, id.Type));
        Assert.Equal(["1842846715527366528", "1760265745989677312"], json["scopeIdList"]!.Select(t => (string)t!));
    }

    [Fact]
    public void Reading_from_a_token_tree_accepts_exact_integers_and_refuses_doubles()
    {
        var serializer = JsonSerializer.Create(KooDriveJson.Settings);
        var exact = new JObject { ["scopeId"] = new JValue(BigInteger.Parse("18428467155273665281842846715527366528", System.Globalization.CultureInfo.InvariantCulture)) };
        var rounded = new JObject { ["scopeId"] = new JValue(1.842846715527366528E18) };

        Assert.Equal("18428467155273665281842846715527366528", exact.ToObject<ScopeInfo>(serializer)!.ScopeId);
        var error = Assert.Throws<JsonSerializationException>(() => rounded.ToObject<ScopeInfo>(serializer));
        Assert.Equal("scopeId", error.Path);
    }

    [Fact]
    public void Strings_that_are_not_IDs_are_left_alone()
    {
        var scope = KooDriveJson.Read<ScopeInfo>("""{"scopeId":"1","createTime":"2025-12-17T07:27:27.709Z","moduleCode":102,"localPath":"/a"}""");

        Assert.Equal("2025-12-17T07:27:27.709Z", scope.CreateTime);
        Assert.Equal("102", scope.ModuleCode);
        Assert.Equal("/a", scope.LocalPath);
    }

    [Fact]
    public void Null_and_missing_IDs_read_as_null()
    {
        Assert.Null(KooDriveJson.Read<ScopeInfo>("""{"scopeId":null}""").ScopeId);
        Assert.Null(KooDriveJson.Read<ScopeInfo>("{}").ScopeId);
        Assert.Null(KooDriveJson.Read<DeleteBackupScopesResponse>("""{"code":0,"scopeIdList":null}""").ScopeIdList);
    }

    [Fact]
    public void A_null_inside_an_ID_list_is_rejected()
    {
        var error = Assert.Throws<JsonSerializationException>(() => KooDriveJson.Read<DeleteBackupScopesResponse>("""{"code":0,"scopeIdList":["1",null]}"""));

        Assert.Equal("scopeIdList[1]", error.Path);
    }
}
