using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions.Authentication;

namespace KooDrive.Generated.Tests.Auth.Support;

/// <summary>Options and clients shared by the authentication tests.</summary>
internal static class TestPipelines
{
    /// <summary>The X-Date of the reference signing vectors, 20251103T070140Z.</summary>
    public static readonly DateTimeOffset VectorTime = new(2025, 11, 3, 7, 1, 40, TimeSpan.Zero);

    public const string UserId = "1505084218764547200";

    public const string Token = "tok-5f3a9c1e7b2d4e6f8a0b";

    public static FakeTimeProvider Time() => new(VectorTime);

    // The authentication tests count single exchanges over a fake clock, on which a retry delay would never
    // elapse; so their pipelines have no resilience handler unless asked. Retries are tested in Resilience/.
    public static KooDriveClientOptions Signing(TimeProvider? time = null, Uri? baseAddress = null, bool resilience = false)
    {
        var options = new KooDriveClientOptions
        {
            BaseAddress = baseAddress ?? KooDriveClientOptions.InternationalEndpoint,
            UserId = UserId,
            AppCredential = new KooDriveAppCredential(IndependentSigner.AppId, IndependentSigner.AppSecret),
            TimeProvider = time ?? Time(),
        };
        options.Resilience.Enabled = resilience;
        return options;
    }

    public static KooDriveClientOptions Bearer(IAccessTokenProvider? provider = null, TimeProvider? time = null, Uri? baseAddress = null, bool resilience = false)
    {
        var options = new KooDriveClientOptions
        {
            BaseAddress = baseAddress ?? KooDriveClientOptions.InternationalEndpoint,
            UserId = UserId,
            AccessTokenProvider = provider ?? new StaticAccessTokenProvider(Token),
            TimeProvider = time ?? Time(),
        };
        options.Resilience.Enabled = resilience;
        return options;
    }

    public static HttpClient Client(KooDriveClientOptions options, RecordingHandler recorder) =>
        KooDriveHttpClientFactory.Create(options, recorder);
}
