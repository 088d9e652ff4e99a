using System.Diagnostics;
using System.Net;
using System.Reflection;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.Tests.Auth.Support;

namespace KooDrive.Generated.Tests.Auth;

/// <summary>
/// Proof that no secret leaks: every text a failing call exposes (exception messages, ToString of the
/// exception, options, credentials, providers and signature results, exception data) is captured and
/// searched for the token, the AppSecret, the signature and the full Authorization value.
/// </summary>
public class RedactionTests
{
    private const string Secret = "S3cr3t-AppSecret-9f2e";
    private const string Token = "T0ken-Value-4b7c1d";

    [Fact]
    public async Task A_failing_signed_call_exposes_neither_the_AppSecret_nor_the_signature()
    {
        var recorder = new RecordingHandler
        {
            Respond = (_, _) => RecordingHandler.Json(HttpStatusCode.BadRequest, """{"code":13000101,"msg":"Bad Request"}"""),
        };
        var credential = new KooDriveAppCredential(IndependentSigner.AppId, Secret);
        var options = TestPipelines.Signing();
        options.AppCredential = credential;
        using var http = TestPipelines.Client(options, recorder);
        var backup = new BackupClient(http);

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => backup.UnbindDeviceAsync("1842812272691451648"));

        var sent = recorder.Single;
        var authorization = sent.Header("Authorization")!;
        Assert.Equal(IndependentSigner.ExpectedAuthorization(sent, appSecret: Secret), authorization);
        var signature = authorization[(authorization.LastIndexOf('=') + 1)..];
        var signer = new KooDriveRequestSigner(credential);
        var signed = signer.Sign("GET", new Uri("https://intl.myhuaweicloud-koodrive.com/x"), [new("x-date", "20251103T070140Z"), new("x-user-id", "1")], []);

        var texts = Describe(exception)
            .Concat([options.ToString(), credential.ToString(), signer.ToString(), signed.ToString(), DebuggerText(credential), DebuggerText(options), DebuggerText(signed)]);

        AssertNoneContains(texts, Secret, signature, authorization, signed.Signature);
    }

    [Fact]
    public async Task A_failing_token_call_exposes_no_token()
    {
        var recorder = new RecordingHandler
        {
            Respond = (_, _) => RecordingHandler.Json(HttpStatusCode.Unauthorized, """{"code":401,"msg":"Unauthorized"}"""),
        };
        var provider = new StaticAccessTokenProvider(Token);
        var options = TestPipelines.Bearer(provider);
        using var http = TestPipelines.Client(options, recorder);
        var album = new AlbumClient(http);

        var exception = await Assert.ThrowsAnyAsync<Exception>(() =>
            album.DeleteAlbumContentsAsync("1795607640592646273", new DeleteAlbumContentsRequest { Ids = { "Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW" } }));

        Assert.Equal("Bearer " + Token, recorder.Single.Header("Authorization"));
        var texts = Describe(exception).Concat([options.ToString(), provider.ToString(), DebuggerText(provider), DebuggerText(options)]);
        AssertNoneContains(texts, Token);
    }

    [Fact]
    public async Task A_call_failing_in_the_transport_exposes_no_secret()
    {
        var recorder = new RecordingHandler { Throw = new HttpRequestException("connection refused") };
        var options = TestPipelines.Signing();
        options.AppCredential = new KooDriveAppCredential(IndependentSigner.AppId, Secret);
        using var http = TestPipelines.Client(options, recorder);

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => new BackupClient(http).UnbindDeviceAsync("1"));

        var authorization = recorder.Single.Header("Authorization")!;
        AssertNoneContains(Describe(exception), Secret, authorization, authorization[(authorization.LastIndexOf('=') + 1)..]);
        Assert.Equal(recorder.Single.Header("X-Traceid"), exception.Data[KooDriveTraceId.ExceptionDataKey]);
    }

    [Fact]
    public void Invalid_options_are_reported_without_secrets()
    {
        var options = new KooDriveClientOptions
        {
            BaseAddress = new Uri("http://intl.myhuaweicloud-koodrive.com/"),
            AccessTokenProvider = new StaticAccessTokenProvider(Token),
            AppCredential = new KooDriveAppCredential("app", Secret),
        };

        var exception = Assert.Throws<ArgumentException>(options.Validate);

        AssertNoneContains([.. Describe(exception), .. options.GetValidationErrors(), options.ToString()], Secret, Token);
    }

    [Theory]
    [InlineData(typeof(KooDriveAppCredential))]
    [InlineData(typeof(StaticAccessTokenProvider))]
    [InlineData(typeof(KooDriveClientOptions))]
    [InlineData(typeof(KooDriveRequestSignature))]
    public void Types_holding_secrets_show_only_their_redacted_ToString_in_the_debugger(Type type)
    {
        var display = type.GetCustomAttribute<DebuggerDisplayAttribute>();

        Assert.NotNull(display);
        Assert.Equal("{ToString(),nq}", display.Value);
    }

    [Theory]
    [InlineData(typeof(KooDriveAppCredential), "_key")]
    [InlineData(typeof(StaticAccessTokenProvider), "_token")]
    public void Secret_fields_are_hidden_from_the_debugger(Type type, string field)
    {
        var member = type.GetField(field, BindingFlags.Instance | BindingFlags.NonPublic);

        Assert.NotNull(member);
        Assert.Equal(DebuggerBrowsableState.Never, member.GetCustomAttribute<DebuggerBrowsableAttribute>()?.State);
    }

    [Theory]
    [InlineData(nameof(KooDriveRequestSignature.Signature))]
    [InlineData(nameof(KooDriveRequestSignature.AuthorizationHeaderValue))]
    public void Signature_properties_are_hidden_from_the_debugger(string property)
    {
        var member = typeof(KooDriveRequestSignature).GetProperty(property);

        Assert.Equal(DebuggerBrowsableState.Never, member?.GetCustomAttribute<DebuggerBrowsableAttribute>()?.State);
    }

    private static IEnumerable<string> Describe(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current.Message;
            yield return current.ToString();
            foreach (var value in current.Data.Values)
            {
                yield return value?.ToString() ?? string.Empty;
            }
        }
    }

    private static string DebuggerText(object value)
    {
        // The debugger evaluates "{ToString(),nq}" (asserted above); this is what it shows.
        return value.ToString()!;
    }

    private static void AssertNoneContains(IEnumerable<string> texts, params string[] secrets)
    {
        var all = texts.ToList();
        Assert.NotEmpty(all);
        foreach (var secret in secrets)
        {
            Assert.False(string.IsNullOrEmpty(secret));
            foreach (var text in all)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}
