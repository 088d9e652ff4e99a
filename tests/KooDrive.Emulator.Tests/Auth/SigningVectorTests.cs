using KooDrive.Emulator.Auth;
using KooDrive.Emulator.State;
using KooDrive.Emulator.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;

namespace KooDrive.Emulator.Tests.Auth;

/// <summary>The emulator's verifier (and the tests' signer) against every reference vector.</summary>
public class SigningVectorTests
{
    private static readonly KeyValuePair<string, string>[] VectorHeaders =
    [
        new("host", SigningVectors.Host),
        new("x-date", SigningVectors.XDate),
        new("x-user-id", SigningVectors.UserId),
    ];

    [Theory]
    [MemberData(nameof(SigningVectors.Names), MemberType = typeof(SigningVectors))]
    public void Verifier_builds_the_vectors_canonical_request(string name)
    {
        var vector = SigningVectors.All[name];

        Assert.Equal(vector.CanonicalRequest, CanonicalRequest.Build(vector.Method, vector.Target, VectorHeaders, vector.BodyBytes));
    }

    [Theory]
    [MemberData(nameof(SigningVectors.Names), MemberType = typeof(SigningVectors))]
    public void Verifier_computes_the_vectors_string_to_sign_and_signature(string name)
    {
        var vector = SigningVectors.All[name];

        Assert.Equal(vector.StringToSign, AppSignature.StringToSign(vector.CanonicalRequest));
        Assert.Equal(vector.Signature, AppSignature.Compute(SigningVectors.AppSecret, vector.CanonicalRequest));
    }

    [Theory]
    [MemberData(nameof(SigningVectors.Names), MemberType = typeof(SigningVectors))]
    public void Verifier_accepts_the_vectors_Authorization_header_on_the_received_request(string name)
    {
        var vector = SigningVectors.All[name];
        var (authenticator, context) = Arrange(vector, vector.Authorization, vector.BodyBytes);

        var outcome = authenticator.Authenticate(context.Request, vector.BodyBytes);

        Assert.Null(outcome.Failure);
        Assert.Equal(SigningVectors.UserId, outcome.UserId);
    }

    [Theory]
    [MemberData(nameof(SigningVectors.Names), MemberType = typeof(SigningVectors))]
    public void Verifier_refuses_the_vector_when_one_body_byte_differs(string name)
    {
        var vector = SigningVectors.All[name];
        var body = vector.BodyBytes.Length == 0 ? "x"u8.ToArray() : [.. vector.BodyBytes[..^1], (byte)' '];
        var (authenticator, context) = Arrange(vector, vector.Authorization, body);

        var outcome = authenticator.Authenticate(context.Request, body);

        Assert.Equal(400, outcome.Failure!.StatusCode);
        Assert.Contains("signature does not match", outcome.Failure.Body["msg"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SigningVectors.Names), MemberType = typeof(SigningVectors))]
    public void Test_signer_reproduces_the_vectors(string name)
    {
        var vector = SigningVectors.All[name];
        var uri = new Uri(new Uri("https://" + SigningVectors.Host), vector.Target);

        var canonical = ReferenceSigner.CanonicalRequest(vector.Method, uri, SigningVectors.Host, SigningVectors.XDate, SigningVectors.UserId, vector.BodyBytes);

        Assert.Equal(vector.CanonicalRequest, canonical);
        Assert.Equal(vector.Authorization, ReferenceSigner.Authorization(SigningVectors.AppId, SigningVectors.AppSecret, canonical));
    }

    private static (RequestAuthenticator Authenticator, DefaultHttpContext Context) Arrange(SigningVectors.Vector vector, string authorization, byte[] body)
    {
        var clock = new ManualTimeProvider(SigningVectors.SignedAt.AddMinutes(1));
        var state = new EmulatorState(clock);
        state.AddUser(SigningVectors.UserId);
        state.RegisterApp(SigningVectors.AppId, SigningVectors.AppSecret);
        var context = new DefaultHttpContext();
        var question = vector.Target.IndexOf('?', StringComparison.Ordinal);
        context.Request.Method = vector.Method;
        context.Request.Path = question < 0 ? vector.Target : vector.Target[..question];
        context.Request.QueryString = question < 0 ? QueryString.Empty : new QueryString(vector.Target[question..]);
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = vector.Target;
        context.Request.Headers.Host = SigningVectors.Host;
        context.Request.Headers["X-Date"] = SigningVectors.XDate;
        context.Request.Headers["X-User-Id"] = SigningVectors.UserId;
        context.Request.Headers.Authorization = authorization;
        context.Request.Body = new MemoryStream(body);
        return (new RequestAuthenticator(state, clock, NullLogger<RequestAuthenticator>.Instance), context);
    }
}
