using KooDrive.Emulator.Auth;

namespace KooDrive.Emulator.Tests.Auth;

/// <summary>The canonicalisation rules the vectors do not exercise (koodrive-api.md §1.2).</summary>
public class CanonicalRequestTests
{
    [Theory]
    [InlineData("/koodrive/ose/v1/backup/record/1", "/koodrive/ose/v1/backup/record/1/")]
    [InlineData("/koodrive/ose/v1/backup/record/1/", "/koodrive/ose/v1/backup/record/1/")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("/a b/%7Efile", "/a%20b/~file/")]
    [InlineData("/a%20b/c%2Fd", "/a%20b/c%2Fd/")]
    [InlineData("/a/./b/../c", "/a/c/")]
    [InlineData("/caf%C3%A9", "/caf%C3%A9/")]
    [InlineData("/a+b", "/a%2Bb/")]
    public void Canonical_uri_encodes_each_segment_and_ends_with_a_slash(string rawPath, string expected) =>
        Assert.Equal(expected, CanonicalRequest.CanonicalUri(rawPath));

    [Theory]
    [InlineData("", "")]
    [InlineData("b=2&a=1", "a=1&b=2")]
    [InlineData("b=1&F=2", "F=2&b=1")]
    [InlineData("parm2&parm1=value1", "parm1=value1&parm2=")]
    [InlineData("parm2=&parm1=value1", "parm1=value1&parm2=")]
    [InlineData("q=a b&q=a+b", "q=a%20b&q=a%2Bb")]
    [InlineData("q=%e4%b8%ad", "q=%E4%B8%AD")]
    [InlineData("k=v&k=a", "k=a&k=v")]
    [InlineData("a=1&&b=2", "a=1&b=2")]
    [InlineData("t=~-_.*", "t=~-_.%2A")]
    [InlineData("b=1&F=2&a=3&Z=4&_=5&~=6&%C3%A9=7&z=8&%7B=9", "F=2&Z=4&_=5&a=3&b=1&z=8&%7B=9&~=6&%C3%A9=7")]
    public void Canonical_query_is_sorted_by_decoded_character_code_with_upper_case_escapes_and_explicit_equals(string rawQuery, string expected) =>
        Assert.Equal(expected, CanonicalRequest.CanonicalQuery(rawQuery));

    [Fact]
    public void Header_values_are_trimmed_and_the_block_is_followed_by_an_empty_line()
    {
        var canonical = CanonicalRequest.Build("delete", "/x?b=1&a=2", [new("host", "  h:1 "), new("x-date", "\t20251103T070140Z"), new("x-user-id", "7")], "{}"u8);

        Assert.Equal(
            "DELETE\n/x/\na=2&b=1\nhost:h:1\nx-date:20251103T070140Z\nx-user-id:7\n\nhost;x-date;x-user-id\n44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
            canonical);
    }
}
