using System.Net;
using System.Numerics;
using KooDrive.Generated.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KooDrive.Generated.Tests.Serialization;

/// <summary>
/// A response is read exactly or refused: names match case for case, a declared member is never read twice,
/// and nothing valid is refused because of a number's size or range outside the fields the SDK keeps exactly.
/// </summary>
public class StrictReadingTests
{
    [Fact]
    public void A_member_whose_name_differs_only_in_case_is_an_unknown_member_not_the_declared_one()
    {
        var read = KooDriveJson.Read<DeleteBackupScopesResponse>("""{"code":0,"scopeIdList":["1"],"ScopeIdList":["2"]}""");

        Assert.Equal(["1"], read.ScopeIdList!);
        Assert.Equal("""["2"]""", ((JToken)read.AdditionalProperties["ScopeIdList"]).ToString(Formatting.None));
    }

    [Theory]
    [InlineData("""{"code":0,"scopeIdList":["1"],"scopeIdList":["2"]}""", "scopeIdList")]
    [InlineData("""{"code":0,"msg":"a","msg":"b"}""", "msg")]
    [InlineData("""{"code":0,"code":1}""", "code")]
    [InlineData("""{"code":0,"failedScopeList":[{"scopeId":"1","scopeId":"2"}]}""", "scopeId")]
    public void A_declared_member_that_appears_twice_is_refused_naming_it(string json, string member)
    {
        var error = Assert.Throws<JsonSerializationException>(() => KooDriveJson.Read<DeleteBackupScopesResponse>(json));

        Assert.Contains($"'{member}' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5e300")]
    [InlineData("-1.7976931348623157E+308")]
    [InlineData("1e400")]
    [InlineData("123456789012345678901234567890.5")]
    public void A_number_of_any_range_in_an_unknown_member_is_kept(string number)
    {
        var read = KooDriveJson.Read<DeleteBackupScopesResponse>($$"""{"code":0,"f":{{number}},"scopeIdList":["7"]}""");

        Assert.Equal(["7"], read.ScopeIdList!);
        Assert.True(read.AdditionalProperties.ContainsKey("f"));
    }

    [Theory]
    [InlineData(381)]
    [InlineData(1000)]
    public void An_integer_of_any_length_in_an_unknown_member_is_kept_digit_for_digit(int digits)
    {
        var integer = "9" + new string('1', digits - 1);

        var read = KooDriveJson.Read<DeleteBackupScopesResponse>($$$"""{"code":0,"f":{{{integer}}},"nested":{"g":[1,{{{integer}}},3]}}""");

        Assert.Equal(BigInteger.Parse(integer, System.Globalization.CultureInfo.InvariantCulture), ((JValue)read.AdditionalProperties["f"]).Value);
        Assert.Equal(integer, ((JObject)read.AdditionalProperties["nested"])["g"]![1]!.ToString());
    }

    [Theory]
    [InlineData(381)]
    [InlineData(1000)]
    public void An_ID_of_any_length_sent_as_a_JSON_integer_is_kept_digit_for_digit(int digits)
    {
        var id = "1" + new string('2', digits - 1);

        var read = KooDriveJson.Read<ScopeInfo>($$"""{"scopeId":{{id}},"createTime":"2025-12-17T07:27:27.709Z"}""");

        Assert.Equal(id, read.ScopeId);
    }

    [Fact]
    public void A_string_member_keeps_a_number_as_written()
    {
        var read = KooDriveJson.Read<ScopeDeleteFailedInfo>("""{"scopeId":"1","errorCode":15000418.0,"msg":1e400}""");

        Assert.Equal("15000418.0", read.ErrorCode);
        Assert.Equal("1e400", read.Msg);
    }

    [Fact]
    public async Task A_valid_200_with_a_number_outside_decimal_range_is_read_and_the_error_path_never_calls_it_malformed()
    {
        var handler = StubHandler.Answer(HttpStatusCode.OK, """{"code":0,"msg":"success","f":1.5e300,"scopeIdList":["1842846715527366528"]}""");

        var response = await TestClients.Backup(handler).DeleteBackupScopesAsync("1842812272691451648", DeleteBackupScopesRequest.Create(1842846715527366528L));

        Assert.Equal(["1842846715527366528"], response.ScopeIdList!);
    }
}
