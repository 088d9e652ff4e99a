using System.Net;
using KooDrive.EndToEnd.Tests.Support;

namespace KooDrive.EndToEnd.Tests.Auth;

/// <summary>
/// The SDK's signer and the emulator's verifier are written apart on purpose; here they must agree on the
/// parts of the canonical request the docs leave implicit (ERRATA D5), on the wire.
/// </summary>
public class QuerySigningTests
{
    [Theory]
    [InlineData("b=1&F=2&a=3&Z=4&_=5&~=6&%C3%A9=7&z=8&%7B=9")]
    [InlineData("k=v&k=a&K=z")]
    [InlineData("q=a%20b&q=a+b&empty=&flag")]
    [InlineData("%E4%B8%AD=%F0%9F%98%80&%EF%BD%81=1")]
    public async Task A_request_with_an_awkward_query_is_signed_and_verified_alike(string query)
    {
        await using var session = await EmulatorSession.StartAsync(AuthMode.AppSignature);

        using var response = await session.Http.DeleteAsync(new Uri($"koodrive/ose/v1/backup/device/{session.Seed.Device.DeviceId}?{query}", UriKind.Relative));

        // Anything but an authentication failure: the emulator accepted the SDK's signature.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(session.Emulator.State.GetDevices(session.UserId));
    }
}
