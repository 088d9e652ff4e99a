using System.Security.Cryptography;
using System.Text;
using KooDrive.Emulator.Api;
using KooDrive.Emulator.State;
using Microsoft.AspNetCore.Http.Features;

namespace KooDrive.Emulator.Auth;

/// <summary>
/// Authenticates a request the way the service does: a Bearer token the emulator issued, or an app
/// signature recomputed from the received request. Both modes need <c>X-User-Id</c> and a fresh
/// <c>X-Date</c> (errata E17). Failures are HTTP 400 (the service's "authentication failed") or, for
/// valid credentials that may not act for the user, HTTP 401; messages never carry a credential.
/// </summary>
internal sealed partial class RequestAuthenticator(EmulatorState state, TimeProvider time, ILogger<RequestAuthenticator> logger)
{
    private static readonly string[] RequiredSignedHeaders = ["host", "x-date", "x-user-id"];

    public AuthOutcome Authenticate(HttpRequest request, byte[] body)
    {
        var headers = request.Headers;
        if (headers.Authorization.Count != 1 || string.IsNullOrWhiteSpace(headers.Authorization[0]))
        {
            return Fail("the Authorization header is missing.");
        }

        var userId = headers["X-User-Id"];
        if (userId.Count != 1 || string.IsNullOrWhiteSpace(userId[0]))
        {
            return Fail("the X-User-Id header is missing.");
        }

        var xDate = headers["X-Date"];
        if (xDate.Count != 1 || string.IsNullOrWhiteSpace(xDate[0]))
        {
            return Fail("the X-Date header is missing.");
        }

        if (!XDate.TryParse(xDate[0]!, out var signedAt))
        {
            return Fail("X-Date must be a UTC time formatted yyyyMMdd'T'HHmmss'Z'.");
        }

        var now = time.GetUtcNow();
        if (signedAt > now)
        {
            return Fail("X-Date is later than the current time.");
        }

        if (now - signedAt > XDate.MaximumAge)
        {
            return Fail("X-Date is more than 15 minutes old.");
        }

        var authorization = headers.Authorization[0]!;
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateToken(authorization["Bearer ".Length..].Trim(), userId[0]!);
        }

        if (AppSignatureHeader.IsAppSignature(authorization))
        {
            return AuthenticateSignature(request, body, authorization, userId[0]!);
        }

        return Fail("the Authorization scheme must be Bearer or HMAC-SHA256.");
    }

    private AuthOutcome AuthenticateToken(string token, string userId)
    {
        switch (state.UseToken(token, out var tokenUser))
        {
            case TokenCheck.Unknown:
                return Fail("the access token is not valid.");
            case TokenCheck.Expired:
                return Fail("the access token has expired.");
        }

        return tokenUser == userId
            ? AuthOutcome.Authenticated(userId)
            : Deny("the access token was not issued to this X-User-Id.");
    }

    private AuthOutcome AuthenticateSignature(HttpRequest request, byte[] body, string authorization, string userId)
    {
        var header = AppSignatureHeader.TryParse(authorization, out var problem);
        if (header is null)
        {
            return Fail("the Authorization header is malformed: " + problem);
        }

        var secret = state.FindAppSecret(header.AppId);
        if (secret is null)
        {
            return Fail("the AppId is not known.");
        }

        if (RequiredSignedHeaders.Any(required => !header.SignedHeaders.Contains(required)))
        {
            return Fail("SignedHeaders must include host, x-date and x-user-id.");
        }

        var signed = new List<KeyValuePair<string, string>>(header.SignedHeaders.Count);
        foreach (var name in header.SignedHeaders)
        {
            var values = request.Headers[name];
            if (values.Count == 0)
            {
                return Fail($"the signed header '{name}' is not in the request.");
            }

            signed.Add(new(name, string.Join(',', values.ToArray())));
        }

        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(rawTarget))
        {
            rawTarget = request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        }

        var canonical = CanonicalRequest.Build(request.Method, rawTarget, signed, body);
        var expected = AppSignature.Compute(secret, canonical);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header.Signature)))
        {
            // The canonical request holds no secret, and it is what a signer author needs to compare.
            LogSignatureMismatch(logger, canonical);
            return Fail("the signature does not match.");
        }

        return state.HasUser(userId)
            ? AuthOutcome.Authenticated(userId)
            : Deny("the app is not authorised for this X-User-Id.");
    }

    private AuthOutcome Fail(string reason)
    {
        LogRefused(logger, StatusCodes.Status400BadRequest, reason);
        return AuthOutcome.Refused(ApiResult.Error(StatusCodes.Status400BadRequest, ServiceCodes.AuthenticationFailed, "Authentication failed: " + reason));
    }

    private AuthOutcome Deny(string reason)
    {
        LogRefused(logger, StatusCodes.Status401Unauthorized, reason);
        return AuthOutcome.Refused(ApiResult.Error(StatusCodes.Status401Unauthorized, ServiceCodes.AuthenticationFailed, "Unauthorized: " + reason));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a request with HTTP {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "App signature mismatch. Canonical request the emulator computed:\n{CanonicalRequest}")]
    private static partial void LogSignatureMismatch(ILogger logger, string canonicalRequest);
}

/// <summary>An authenticated user ID, or the response that refuses the request.</summary>
internal sealed record AuthOutcome(string? UserId, ApiResult? Failure)
{
    public static AuthOutcome Authenticated(string userId) => new(userId, null);

    public static AuthOutcome Refused(ApiResult failure) => new(null, failure);
}
