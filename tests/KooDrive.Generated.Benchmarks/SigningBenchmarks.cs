using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using KooDrive.Generated.Auth;

namespace KooDrive.Generated.Benchmarks;

/// <summary>
/// What app signing costs on top of the one HMAC it cannot avoid: canonicalising the request and hashing
/// the body. Input: reference vector B (DELETE scopes with a JSON body).
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private static readonly Uri Uri = new("https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/device/1842812272691451648/scope");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"scopeIdList":["123"]}""");

    private static readonly byte[] Key = Encoding.UTF8.GetBytes("testAppSecret");
    private static readonly byte[] StringToSign = Encoding.UTF8.GetBytes("HMAC-SHA256\ne073778892e98c5fd3d3b974690ee0acabd8e929d1e0929b58da61f9d6e3f37e");
    private readonly KooDriveRequestSigner _signer = new(new KooDriveAppCredential("testAppId", "testAppSecret"));

    /// <summary>The irreducible part: one HMAC-SHA256 over an already built string to sign.</summary>
    [Benchmark(Baseline = true)]
    public byte[] HmacOfStringToSign() => HMACSHA256.HashData(Key, StringToSign);

    /// <summary>The full signature as the pipeline makes it: canonical request, two SHA-256 hashes, the HMAC and the header value.</summary>
    [Benchmark]
    public string SignRequest() =>
        _signer.CreateAuthorization("DELETE", Uri, "intl.myhuaweicloud-koodrive.com", "20251103T070140Z", "1505084218764547200", Body);
}
