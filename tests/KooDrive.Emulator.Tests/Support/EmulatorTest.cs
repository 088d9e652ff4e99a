namespace KooDrive.Emulator.Tests.Support;

/// <summary>Base class: a fresh emulator per test (xUnit makes a new instance per test), disposed afterwards.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private EmulatorHarness? _harness;

    internal EmulatorHarness Harness => _harness ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync(Configure);

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    internal virtual void Configure(KooDriveEmulatorOptions options)
    {
    }

    /// <summary>Sends one request as the seeded user, with a JSON body and a backup lock header when given.</summary>
    internal Task<ApiResponse> Send(HttpMethod method, string path, string? json = null, string? lockId = null, AuthMode mode = AuthMode.Bearer) =>
        EmulatorHarness.SendAsync(Harness.Client(mode), method, path, json, request =>
        {
            if (lockId is not null)
            {
                request.Headers.Add("x-backup-lock-id", lockId);
            }
        });

    /// <summary>A refusal with HTTP 400, the code, and a message containing <paramref name="detail"/>.</summary>
    internal static void AssertRefusal(ApiResponse response, int code, string detail)
    {
        Assert.True(response.Status == System.Net.HttpStatusCode.BadRequest, response.Text);
        Assert.Equal(code, response.Code);
        Assert.Contains(detail, response.Msg, StringComparison.Ordinal);
    }

    /// <summary>No credential may leak into an answer.</summary>
    internal void AssertNoSecrets(string text)
    {
        var credentials = Harness.Emulator.Credentials;
        Assert.DoesNotContain(credentials.BearerToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.AppSecret, text, StringComparison.Ordinal);
    }
}
