using KooDrive.Generated.Auth;

namespace KooDrive.Generated.Tests.Auth;

public class KooDriveCanonicalRequestTests
{
    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("/koodrive/ose/v1/backup/record", "/koodrive/ose/v1/backup/record/")]
    [InlineData("/koodrive/ose/v1/backup/record/", "/koodrive/ose/v1/backup/record/")]
    [InlineData("/a%20b/c", "/a%20b/c/")]
    [InlineData("/a b/c", "/a%20b/c/")]
    [InlineData("/%7e%41", "/~A/")]
    [InlineData("/a%2fb", "/a%2Fb/")]
    [InlineData("/a%252F", "/a%252F/")]
    [InlineData("/%E7%9B%B8%E5%86%8C", "/%E7%9B%B8%E5%86%8C/")]
    [InlineData("/相册", "/%E7%9B%B8%E5%86%8C/")]
    [InlineData("/a:b@c!$&'()*+,;=", "/a%3Ab%40c%21%24%26%27%28%29%2A%2B%2C%3B%3D/")]
    [InlineData("/50%", "/50%25/")]
    [InlineData("/50%zz", "/50%25zz/")]
    [InlineData("/a//b", "/a//b/")]
    [InlineData("relative/path", "/relative/path/")]
    public void Canonical_URI_encodes_each_segment_once_and_ends_with_a_slash(string path, string expected)
    {
        Assert.Equal(expected, KooDriveCanonicalRequest.CanonicalizeUri(path));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("?", "")]
    [InlineData("?moduleCode=102", "moduleCode=102")]
    [InlineData("moduleCode=102", "moduleCode=102")]
    [InlineData("?parm1=value1&parm2=", "parm1=value1&parm2=")]
    [InlineData("?flag", "flag=")]
    [InlineData("?a=1&&b=2&", "a=1&b=2")]
    [InlineData("?b=2&a=1", "a=1&b=2")]
    [InlineData("?b=1&F=2", "F=2&b=1")]
    [InlineData("?a=2&a=10&a=1", "a=1&a=10&a=2")]
    [InlineData("?q=a b", "q=a%20b")]
    [InlineData("?q=a%20b", "q=a%20b")]
    [InlineData("?q=a+b", "q=a%2Bb")]
    [InlineData("?q=%7e", "q=~")]
    [InlineData("?q=%2f%3d", "q=%2F%3D")]
    [InlineData("?q=a=b", "q=a%3Db")]
    [InlineData("?é=1&z=2", "z=2&%C3%A9=1")]
    [InlineData("?%C3%A9=1&~=2", "~=2&%C3%A9=1")]
    public void Canonical_query_string_encodes_sorts_and_keeps_the_equals_sign(string query, string expected)
    {
        Assert.Equal(expected, KooDriveCanonicalRequest.CanonicalizeQueryString(query));
    }

    [Fact]
    public void Names_are_sorted_by_code_point_not_by_UTF_16_unit()
    {
        // U+FF21 (a BMP char above the surrogate range) sorts before U+1F600 (an astral char) by code point,
        // but after it by UTF-16 unit (0xFF21 > 0xD83D).
        var canonical = KooDriveCanonicalRequest.CanonicalizeQueryString("?\U0001F600=1&\uFF21=2");

        Assert.Equal("%EF%BC%A1=2&%F0%9F%98%80=1", canonical);
    }

    [Fact]
    public void Method_is_upper_cased_and_the_body_hash_is_of_the_exact_bytes()
    {
        var canonical = KooDriveCanonicalRequest.Create(
            "post",
            new Uri("https://intl.myhuaweicloud-koodrive.com/x"),
            [new("X-Date", "20251103T070140Z"), new("X-User-Id", "1")],
            "abc"u8);

        Assert.StartsWith("POST\n/x/\n\n", canonical, StringComparison.Ordinal);
        Assert.EndsWith("\nba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_payload_hash_is_the_SHA256_of_nothing()
    {
        Assert.Equal(KooDriveCanonicalRequest.EmptyPayloadHash, KooDriveCanonicalRequest.HashPayload([]));
    }

    [Fact]
    public void Header_values_are_trimmed_and_names_lower_cased_and_sorted()
    {
        var canonical = KooDriveCanonicalRequest.Create(
            "GET",
            new Uri("https://h.example/"),
            [new("X-User-Id", "  42 "), new("X-Date", " 20251103T070140Z"), new("Host", "h.example "), new("Content-Type", "application/json")],
            []);

        Assert.Equal(
            "GET\n/\n\ncontent-type:application/json\nhost:h.example\nx-date:20251103T070140Z\nx-user-id:42\n\ncontent-type;host;x-date;x-user-id\n" + KooDriveCanonicalRequest.EmptyPayloadHash,
            canonical);
    }

    [Theory]
    [InlineData("x-date")]
    [InlineData("x-user-id")]
    public void X_Date_and_X_User_Id_are_required(string missing)
    {
        KeyValuePair<string, string>[] headers = [new("host", "h"), new("x-date", "20251103T070140Z"), new("x-user-id", "1")];

        var exception = Assert.Throws<ArgumentException>(() =>
            KooDriveCanonicalRequest.Create("GET", new Uri("https://h/"), headers.Where(h => h.Key != missing), []));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_given_twice_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => KooDriveCanonicalRequest.Create(
            "GET", new Uri("https://h/"), [new("x-date", "1"), new("X-Date", "2"), new("x-user-id", "1")], []));
    }

    [Theory]
    [InlineData("a\r\nb")]
    [InlineData("a\nb")]
    [InlineData("a\u0000b")]
    [InlineData("a\u007Fb")]
    public void A_header_value_with_a_control_character_is_rejected_naming_the_header(string value)
    {
        var exception = Assert.Throws<ArgumentException>(() => KooDriveCanonicalRequest.Create(
            "GET", new Uri("https://h/"), [new("x-date", "20251103T070140Z"), new("x-user-id", value)], []));

        Assert.Equal("x-user-id", exception.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x:y")]
    [InlineData("x y")]
    [InlineData("x;y")]
    public void A_malformed_header_name_is_rejected(string name)
    {
        Assert.Throws<ArgumentException>(() => KooDriveCanonicalRequest.Create(
            "GET", new Uri("https://h/"), [new("x-date", "1"), new("x-user-id", "1"), new(name, "v")], []));
    }

    [Fact]
    public void A_relative_URI_is_rejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => KooDriveCanonicalRequest.Create(
            "GET", new Uri("koodrive/ose", UriKind.Relative), [new("x-date", "1"), new("x-user-id", "1")], []));

        Assert.Equal("requestUri", exception.ParamName);
    }
}
