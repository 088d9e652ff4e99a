using KooDrive.Generated.Auth;

namespace KooDrive.Generated.Tests.Auth;

public class KooDriveAppCredentialTests
{
    [Theory]
    [InlineData("")]
    [InlineData("app id")]
    [InlineData("app,id")]
    [InlineData("app\r\nid")]
    [InlineData("appé")]
    public void A_malformed_AppId_is_rejected_naming_the_parameter(string appId)
    {
        var exception = Assert.Throws<ArgumentException>(() => new KooDriveAppCredential(appId, "secret"));

        Assert.Equal("appId", exception.ParamName);
    }

    [Fact]
    public void An_empty_AppSecret_is_rejected_naming_the_parameter()
    {
        var exception = Assert.Throws<ArgumentException>(() => new KooDriveAppCredential("app", ""));

        Assert.Equal("appSecret", exception.ParamName);
    }

    [Fact]
    public void Null_values_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new KooDriveAppCredential(null!, "s"));
        Assert.Throws<ArgumentNullException>(() => new KooDriveAppCredential("a", null!));
    }

    [Fact]
    public void ToString_shows_the_AppId_and_never_the_secret()
    {
        var credential = new KooDriveAppCredential("my-app", "Sup3r-S3cret-Value");

        var text = credential.ToString();

        Assert.Contains("my-app", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3r-S3cret-Value", text, StringComparison.Ordinal);
        Assert.Contains("[redacted]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_ASCII_secret_is_used_as_its_UTF8_bytes()
    {
        var uri = new Uri("https://h.example/x");
        var signer = new KooDriveRequestSigner(new KooDriveAppCredential("a", "密钥-ü"));

        var result = signer.Sign("GET", uri, [new("x-date", "20251103T070140Z"), new("x-user-id", "1")], []);

        Assert.Equal(ReferenceSigner.Signature("密钥-ü", result.CanonicalRequest), result.Signature);
    }
}
