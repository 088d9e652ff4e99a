using System.Net;
using KooDrive.Emulator.State;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Auth;

/// <summary>Both authentication modes over real HTTP, and every way a request is refused.</summary>
public class AuthenticationTests : EmulatorTest
{
    private string UnbindPath => $"koodrive/ose/v1/backup/device/{Harness.Seed.Device.DeviceId}";

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task A_correctly_authenticated_request_is_served(AuthMode mode)
    {
        var response = await EmulatorHarness.SendAsync(Harness.Client(mode), HttpMethod.Delete, UnbindPath);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Code);
    }

    [Fact]
    public async Task A_missing_Authorization_header_is_refused_with_400()
    {
        var response = await SendWith(r => r.Headers.Remove("Authorization"));

        AssertAuthenticationFailed(response, "Authorization header is missing");
    }

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task A_missing_X_User_Id_is_refused_in_both_modes(AuthMode mode)
    {
        var response = await EmulatorHarness.SendAsync(Harness.Client(mode), HttpMethod.Delete, UnbindPath, configure: r => r.Options.Set(TestAuthHandler.OmitUserId, true));

        AssertAuthenticationFailed(response, "X-User-Id header is missing");
    }

    [Fact]
    public async Task A_missing_X_Date_is_refused()
    {
        var response = await SendWith(r => r.Headers.Remove("X-Date"));

        AssertAuthenticationFailed(response, "X-Date header is missing");
    }

    [Theory]
    [InlineData("2025-11-03T07:05:00Z")]
    [InlineData("20251103T070500")]
    [InlineData("20251303T070500Z")]
    [InlineData("Mon, 03 Nov 2025 07:05:00 GMT")]
    public async Task A_malformed_X_Date_is_refused(string xDate)
    {
        var response = await SendWith(r => ReplaceHeader(r, "X-Date", xDate));

        AssertAuthenticationFailed(response, "X-Date must be a UTC time");
    }

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task An_X_Date_more_than_15_minutes_old_is_refused(AuthMode mode)
    {
        var xDateTooOld = ReferenceSigner.XDate(Harness.Clock.GetUtcNow() - TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));

        var response = await EmulatorHarness.SendAsync(Harness.Client(mode), HttpMethod.Delete, UnbindPath, configure: r => r.Options.Set(TestAuthHandler.XDateOverride, xDateTooOld));

        AssertAuthenticationFailed(response, "more than 15 minutes old");
    }

    [Fact]
    public async Task An_X_Date_exactly_15_minutes_old_is_still_accepted()
    {
        var xDate = ReferenceSigner.XDate(Harness.Clock.GetUtcNow() - TimeSpan.FromMinutes(15));

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.AppSignature), HttpMethod.Delete, UnbindPath, configure: r => r.Options.Set(TestAuthHandler.XDateOverride, xDate));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task An_X_Date_in_the_future_is_refused(AuthMode mode)
    {
        var xDate = ReferenceSigner.XDate(Harness.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));

        var response = await EmulatorHarness.SendAsync(Harness.Client(mode), HttpMethod.Delete, UnbindPath, configure: r => r.Options.Set(TestAuthHandler.XDateOverride, xDate));

        AssertAuthenticationFailed(response, "later than the current time");
    }

    [Theory]
    [InlineData("Bearer 0123456789abcdef")]
    [InlineData("Bearer ")]
    public async Task A_token_the_emulator_did_not_issue_is_refused(string authorization)
    {
        var response = await SendWith(r => ReplaceHeader(r, "Authorization", authorization));

        AssertAuthenticationFailed(response, "Authentication failed");
    }

    [Fact]
    public async Task A_raw_token_without_the_Bearer_scheme_is_refused()
    {
        var response = await SendWith(r => ReplaceHeader(r, "Authorization", Harness.Emulator.Credentials.BearerToken));

        AssertAuthenticationFailed(response, "scheme must be Bearer or HMAC-SHA256");
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        Harness.Emulator.State.RevokeToken(Harness.Emulator.Credentials.BearerToken);

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, UnbindPath);

        AssertAuthenticationFailed(response, "access token is not valid");
    }

    [Fact]
    public async Task A_token_unused_for_more_than_20_minutes_has_expired()
    {
        Harness.Clock.Advance(EmulatorState.TokenIdleTimeout + TimeSpan.FromSeconds(1));

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, UnbindPath);

        AssertAuthenticationFailed(response, "access token has expired");
    }

    [Fact]
    public async Task Every_call_slides_the_token_window()
    {
        var client = Harness.Client(AuthMode.Bearer);
        var missing = $"koodrive/ose/v1/backup/device/{Harness.Emulator.State.NewId()}";
        for (var i = 0; i < 3; i++)
        {
            Harness.Clock.Advance(TimeSpan.FromMinutes(15));
            var response = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, missing);

            // Authenticated (the device is unknown, which is a business error, not an authentication one).
            Assert.Equal(13000309, response.Code);
        }
    }

    [Fact]
    public async Task A_token_sent_for_another_user_is_unauthorised_with_401()
    {
        Harness.Emulator.State.AddUser("1000000000000000001");

        var response = await SendWith(r => ReplaceHeader(r, "X-User-Id", "1000000000000000001"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(13000101, response.Code);
        AssertNoSecrets(response.Text);
    }

    [Fact]
    public async Task A_signature_with_the_wrong_secret_does_not_match()
    {
        var response = await SendSigned(appSecret: "not-the-secret");

        AssertAuthenticationFailed(response, "signature does not match");
    }

    [Fact]
    public async Task A_body_changed_after_signing_does_not_match()
    {
        var path = $"koodrive/ose/v1/backup/device/{Harness.Seed.Device.DeviceId}/scope";
        var response = await SendSigned(path: path, signedBody: """{"scopeIdList":["1"]}""", sentBody: """{"scopeIdList":["2"]}""");

        AssertAuthenticationFailed(response, "signature does not match");
    }

    [Fact]
    public async Task A_signature_over_another_host_does_not_match()
    {
        var response = await SendSigned(signedHost: "intl.myhuaweicloud-koodrive.com");

        AssertAuthenticationFailed(response, "signature does not match");
    }

    [Fact]
    public async Task An_unknown_AppId_is_refused()
    {
        var response = await SendSigned(appId: "someOtherApp");

        AssertAuthenticationFailed(response, "AppId is not known");
    }

    [Theory]
    [InlineData("host;x-date", "must include host, x-date and x-user-id")]
    [InlineData("x-date;host;x-user-id", "sorted")]
    [InlineData("host;X-Date;x-user-id", "lower-case")]
    [InlineData("host;x-date;x-date;x-user-id", "sorted and must not repeat")]
    public async Task SignedHeaders_must_be_sorted_lower_case_and_include_the_required_headers(string signedHeaders, string problem)
    {
        var response = await SendSigned(signedHeadersList: signedHeaders);

        AssertAuthenticationFailed(response, problem);
    }

    [Fact]
    public async Task A_signed_header_missing_from_the_request_is_refused()
    {
        var response = await SendSigned(signedHeadersList: "host;x-date;x-extra;x-user-id");

        AssertAuthenticationFailed(response, "'x-extra' is not in the request");
    }

    [Theory]
    [InlineData("HMAC-SHA256 AppId={0}, SignedHeaders=host;x-date;x-user-id, Signature={1}")]
    [InlineData("HMAC-SHA256 SignedHeaders=host;x-date;x-user-id,AppId={0},Signature={1}")]
    [InlineData("HMAC-SHA256 AppId={0},SignedHeaders=host;x-date;x-user-id")]
    public async Task A_malformed_signature_header_is_refused(string format)
    {
        var signed = SignedAuthorization();
        var signature = signed[(signed.LastIndexOf('=') + 1)..];
        var authorization = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Harness.Emulator.Credentials.AppId, signature);

        var response = await SendWith(r => ReplaceHeader(r, "Authorization", authorization));

        AssertAuthenticationFailed(response, "malformed");
    }

    [Fact]
    public async Task An_upper_case_hex_signature_is_refused()
    {
        var signed = SignedAuthorization();
        var upper = signed[..(signed.LastIndexOf('=') + 1)] + signed[(signed.LastIndexOf('=') + 1)..].ToUpperInvariant();

        var response = await SendWith(r => ReplaceHeader(r, "Authorization", upper));

        AssertAuthenticationFailed(response, "lower-case hexadecimal");
    }

    [Fact]
    public async Task An_app_acting_for_an_unknown_user_is_unauthorised_with_401()
    {
        var response = await SendSigned(userId: "1999999999999999999");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(13000101, response.Code);
    }

    [Fact]
    public async Task Signing_verifies_the_exact_received_target_including_a_query_string()
    {
        var path = $"koodrive/ose/v1/backup/device/{Harness.Seed.Device.DeviceId}?b=2&a=%7e&c";

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.AppSignature), HttpMethod.Delete, path);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task A_request_on_a_path_of_no_operation_gets_the_gateways_404_before_authentication()
    {
        var response = await EmulatorHarness.SendAsync(Harness.RawClient(), HttpMethod.Get, "koodrive/ose/v1/zz-no-such-api");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("APIGW.0101", response.Json["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_known_path_with_another_method_is_also_the_gateways_404()
    {
        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Get, UnbindPath);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("APIGW.0101", response.Json["error_code"]!.GetValue<string>());
    }

    private void AssertAuthenticationFailed(ApiResponse response, string reason)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(13000101, response.Code);
        Assert.Contains(reason, response.Msg, StringComparison.Ordinal);
        AssertNoSecrets(response.Text);
        Assert.NotNull(Harness.Emulator.State.GetDevices(Harness.UserId).SingleOrDefault(d => d.DeviceId == Harness.Seed.Device.DeviceId));
    }

    private Task<ApiResponse> SendWith(Action<HttpRequestMessage> breakIt) =>
        EmulatorHarness.SendAsync(Harness.RawClient(), HttpMethod.Delete, UnbindPath, configure: r =>
        {
            Harness.AddBearerHeaders(r);
            breakIt(r);
        });

    private static void ReplaceHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    private string SignedAuthorization()
    {
        var uri = new Uri(Harness.Emulator.BaseAddress, UnbindPath);
        var credentials = Harness.Emulator.Credentials;
        var canonical = ReferenceSigner.CanonicalRequest("DELETE", uri, uri.Authority, ReferenceSigner.XDate(Harness.Clock.GetUtcNow()), credentials.UserId, []);
        return ReferenceSigner.Authorization(credentials.AppId, credentials.AppSecret, canonical);
    }

    private Task<ApiResponse> SendSigned(
        string? path = null,
        string? signedBody = null,
        string? sentBody = null,
        string? appId = null,
        string? appSecret = null,
        string? userId = null,
        string? signedHost = null,
        string? signedHeadersList = null)
    {
        var credentials = Harness.Emulator.Credentials;
        path ??= UnbindPath;
        userId ??= credentials.UserId;
        var uri = new Uri(Harness.Emulator.BaseAddress, path);
        var xDate = ReferenceSigner.XDate(Harness.Clock.GetUtcNow());
        var body = signedBody is null ? [] : System.Text.Encoding.UTF8.GetBytes(signedBody);
        var canonical = ReferenceSigner.CanonicalRequest("DELETE", uri, signedHost ?? uri.Authority, xDate, userId, body);
        var authorization = ReferenceSigner.Authorization(appId ?? credentials.AppId, appSecret ?? credentials.AppSecret, canonical);
        if (signedHeadersList is not null)
        {
            authorization = authorization.Replace("SignedHeaders=" + ReferenceSigner.SignedHeaders, "SignedHeaders=" + signedHeadersList, StringComparison.Ordinal);
        }

        return EmulatorHarness.SendAsync(Harness.RawClient(), HttpMethod.Delete, path, sentBody ?? signedBody, r =>
        {
            r.Headers.TryAddWithoutValidation("Authorization", authorization);
            r.Headers.Add("X-User-Id", userId);
            r.Headers.Add("X-Date", xDate);
        });
    }
}
