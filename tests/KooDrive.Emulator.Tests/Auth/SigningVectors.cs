namespace KooDrive.Emulator.Tests.Auth;

/// <summary>
/// The reference vectors of /work/shared/reference/signing-vectors.md, copied verbatim: computed outside
/// this codebase from the documented rule (koodrive-api.md §1), so they are not this code's own output.
/// </summary>
public static class SigningVectors
{
    public const string AppId = "testAppId";
    public const string AppSecret = "testAppSecret";
    public const string Host = "intl.myhuaweicloud-koodrive.com";
    public const string XDate = "20251103T070140Z";
    public const string UserId = "1505084218764547200";
    public const string DeviceId = "1842812272691451648";

    public static readonly DateTimeOffset SignedAt = new(2025, 11, 3, 7, 1, 40, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, Vector> All = new Dictionary<string, Vector>
    {
        ["A"] = new(
            "GET",
            "/koodrive/ose/v1/backup/device/1842812272691451648/scope?moduleCode=102",
            null,
            "GET\n/koodrive/ose/v1/backup/device/1842812272691451648/scope/\nmoduleCode=102\nhost:intl.myhuaweicloud-koodrive.com\nx-date:20251103T070140Z\nx-user-id:1505084218764547200\n\nhost;x-date;x-user-id\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "HMAC-SHA256\nbda6b446c22dc52125f815c68b8bbfdbfb23ad4af0dc48a57f1001da1e1e7504",
            "HMAC-SHA256 AppId=testAppId,SignedHeaders=host;x-date;x-user-id,Signature=d71110bc8f68a9e637ef6f9dbf66877d6f32ab1011ddb0a8ebb9e34ef766ea64"),
        ["B"] = new(
            "DELETE",
            "/koodrive/ose/v1/backup/device/1842812272691451648/scope",
            """{"scopeIdList":["123"]}""",
            "DELETE\n/koodrive/ose/v1/backup/device/1842812272691451648/scope/\n\nhost:intl.myhuaweicloud-koodrive.com\nx-date:20251103T070140Z\nx-user-id:1505084218764547200\n\nhost;x-date;x-user-id\n5169753f1b7d297c0c2b162d34c00257cb9443fb744aa74e352631caf9a1fc9f",
            "HMAC-SHA256\ne073778892e98c5fd3d3b974690ee0acabd8e929d1e0929b58da61f9d6e3f37e",
            "HMAC-SHA256 AppId=testAppId,SignedHeaders=host;x-date;x-user-id,Signature=e6cef5e0bccfa8b0bf863ef5136b3e42cba317a700c98f29fae3c675525842f3"),
        ["C"] = new(
            "DELETE",
            "/koodrive/ose/v1/backup/record/1842862763295184641",
            null,
            "DELETE\n/koodrive/ose/v1/backup/record/1842862763295184641/\n\nhost:intl.myhuaweicloud-koodrive.com\nx-date:20251103T070140Z\nx-user-id:1505084218764547200\n\nhost;x-date;x-user-id\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "HMAC-SHA256\ne7891f8f270766e0537868bacd2760348f30d540a61027e69c0ceb9c44a53d6d",
            "HMAC-SHA256 AppId=testAppId,SignedHeaders=host;x-date;x-user-id,Signature=e27b805167e76e82e2fdd23f179fdab64a24d1dd34cee44be2259c143efe97f3"),
        ["D"] = new(
            "POST",
            "/koodrive/ose/v1/backup/device/1842812272691451648/scope",
            """{"moduleCode":"102","scopeList":[{"localPath":"/asdkhsdahjksd","targetFolderPath":"/ashdjkha"}]}""",
            "POST\n/koodrive/ose/v1/backup/device/1842812272691451648/scope/\n\nhost:intl.myhuaweicloud-koodrive.com\nx-date:20251103T070140Z\nx-user-id:1505084218764547200\n\nhost;x-date;x-user-id\n5961a97356e31b13fe57fd4538ec812d82f92b82c237bc1d17d3b46d35a86533",
            "HMAC-SHA256\n133f1d83a6388df962e431057d17e10f175d43c98e6a72f76d7b3314e73f611f",
            "HMAC-SHA256 AppId=testAppId,SignedHeaders=host;x-date;x-user-id,Signature=ad5b88076544b0ed245e4074652c481aa05e0631e676aa710d0712c941a2b21d"),
    };

    public static TheoryData<string> Names => [.. All.Keys];

    public sealed record Vector(string Method, string Target, string? Body, string CanonicalRequest, string StringToSign, string Authorization)
    {
        public byte[] BodyBytes => Body is null ? [] : System.Text.Encoding.UTF8.GetBytes(Body);

        public string Signature => Authorization[(Authorization.LastIndexOf('=') + 1)..];
    }
}
