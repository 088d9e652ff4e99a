using System.Net;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Tests.Auth.Support;

namespace KooDrive.Generated.Tests.Auth;

/// <summary>The generated clients over the KooDrive pipeline: what they put on the wire.</summary>
public class GeneratedClientPipelineTests
{
    [Fact]
    public async Task DeleteBackupScopes_sends_its_DELETE_body_and_signs_exactly_those_bytes()
    {
        var recorder = new RecordingHandler
        {
            Respond = (_, _) => RecordingHandler.Json(HttpStatusCode.OK, """{"code":0,"msg":"success","scopeIdList":["123"],"failedScopeList":[]}"""),
        };
        using var http = TestPipelines.Client(TestPipelines.Signing(), recorder);
        var backup = new BackupClient(http);

        await backup.DeleteBackupScopesAsync("1842812272691451648", new DeleteBackupScopesRequest { ScopeIdList = { "123" } });

        var sent = recorder.Single;
        Assert.Equal("DELETE", sent.Method);
        Assert.Equal("""{"scopeIdList":["123"]}""", sent.BodyText);
        Assert.Equal(IndependentSigner.ExpectedAuthorization(sent), sent.Header("Authorization"));
        // Reference vector B: the same request, computed outside this codebase.
        Assert.Equal(
            $"HMAC-SHA256 AppId=testAppId,SignedHeaders={ReferenceSigner.SignedHeaders},Signature=e6cef5e0bccfa8b0bf863ef5136b3e42cba317a700c98f29fae3c675525842f3",
            sent.Header("Authorization"));
    }

    [Fact]
    public async Task DeleteBackupRecord_is_signed_like_reference_vector_C_and_carries_the_lock_ID_unsigned()
    {
        var recorder = new RecordingHandler();
        using var http = TestPipelines.Client(TestPipelines.Signing(), recorder);
        var backup = new BackupClient(http);

        await backup.DeleteBackupRecordAsync("1842862763295184641", "78e41c7e-db02-4d55-85b3-8153e4fefd2e@102");

        var sent = recorder.Single;
        Assert.Equal("78e41c7e-db02-4d55-85b3-8153e4fefd2e@102", sent.Header("x-backup-lock-id"));
        Assert.Equal(
            $"HMAC-SHA256 AppId=testAppId,SignedHeaders={ReferenceSigner.SignedHeaders},Signature=e27b805167e76e82e2fdd23f179fdab64a24d1dd34cee44be2259c143efe97f3",
            sent.Header("Authorization"));
    }

    [Fact]
    public async Task A_lock_ID_with_CR_LF_never_reaches_the_network()
    {
        var recorder = new RecordingHandler();
        using var http = TestPipelines.Client(TestPipelines.Signing(), recorder);
        var backup = new BackupClient(http);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => backup.DeleteBackupRecordAsync("1842862763295184641", "lock\r\nX-Injected: 1"));

        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task AddBackupScopes_POST_body_is_signed_as_sent()
    {
        var recorder = new RecordingHandler
        {
            Respond = (_, _) => RecordingHandler.Json(HttpStatusCode.OK, """{"code":0,"msg":"success"}"""),
        };
        using var http = TestPipelines.Client(TestPipelines.Signing(), recorder);
        var backup = new BackupClient(http);

        await backup.AddBackupScopesAsync("1842812272691451648", new AddBackupScopesRequest
        {
            ModuleCode = ModuleCode.AddressBookBackup,
            ScopeList = { new ScopeBaseInfo { LocalPath = "/asdkhsdahjksd", TargetFolderPath = "/ashdjkha" } },
        });

        var sent = recorder.Single;
        Assert.Equal("POST", sent.Method);
        Assert.NotEmpty(sent.Body!);
        Assert.Equal(IndependentSigner.ExpectedAuthorization(sent), sent.Header("Authorization"));
    }

    [Fact]
    public async Task Album_client_in_token_mode_sends_Bearer_trace_ID_and_language()
    {
        var recorder = new RecordingHandler();
        var options = TestPipelines.Bearer();
        options.Language = "en_us";
        using var http = TestPipelines.Client(options, recorder);
        var album = new AlbumClient(http);
        var traceId = KooDriveTraceId.NewId();

        using (KooDriveTraceId.Begin(traceId))
        {
            await album.DeleteAlbumContentsAsync("1795607640592646273", new DeleteAlbumContentsRequest { Ids = { "Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW" } });
        }

        var sent = recorder.Single;
        Assert.Equal(new Uri("https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/1795607640592646273/batchDelete"), sent.Uri);
        Assert.Equal("Bearer " + TestPipelines.Token, sent.Header("Authorization"));
        Assert.Equal(traceId, sent.Header("X-Traceid"));
        Assert.Equal("en_us", sent.Header("language"));
        Assert.Equal("1505084218764547200", sent.Header("X-User-Id"));
        Assert.Equal("20251103T070140Z", sent.Header("X-Date"));
    }
}
