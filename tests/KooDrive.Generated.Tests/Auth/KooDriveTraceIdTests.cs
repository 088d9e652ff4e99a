using KooDrive.Generated.Auth;

namespace KooDrive.Generated.Tests.Auth;

public class KooDriveTraceIdTests
{
    [Fact]
    public void New_IDs_are_58_lower_case_hex_characters_and_distinct()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => KooDriveTraceId.NewId()).ToList();

        Assert.All(ids, id => Assert.True(KooDriveTraceId.IsValid(id) && id.Length == 58 && id.All(char.IsAsciiHexDigitLower)));
        Assert.Equal(100, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short")]
    public void Begin_rejects_a_value_that_is_not_58_characters(string? traceId)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => KooDriveTraceId.Begin(traceId!));

        Assert.Equal("traceId", exception.ParamName);
        Assert.Null(KooDriveTraceId.Current);
    }

    [Theory]
    [InlineData('\r')]
    [InlineData('\n')]
    [InlineData('\u0000')]
    [InlineData(' ')]
    [InlineData('é')]
    public void Begin_rejects_control_space_and_non_ASCII_characters(char bad)
    {
        var traceId = new string('a', 57) + bad;

        Assert.Throws<ArgumentException>(() => KooDriveTraceId.Begin(traceId));
    }

    [Fact]
    public async Task The_scope_flows_into_async_calls_and_disposing_twice_is_harmless()
    {
        var id = new string('d', 58);
        var scope = KooDriveTraceId.Begin(id);

        var seen = await Task.Run(() => KooDriveTraceId.Current);
        scope.Dispose();
        scope.Dispose();

        Assert.Equal(id, seen);
        Assert.Null(KooDriveTraceId.Current);
    }

    [Fact]
    public void Get_returns_null_for_a_request_that_never_went_through_the_pipeline()
    {
        using var request = new HttpRequestMessage();

        Assert.Null(KooDriveTraceId.Get(request));
        Assert.Null(KooDriveTraceId.Get(null));
    }
}
