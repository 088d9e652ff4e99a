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

    /// <summary>No credential may leak into an answer.</summary>
    internal void AssertNoSecrets(string text)
    {
        var credentials = Harness.Emulator.Credentials;
        Assert.DoesNotContain(credentials.BearerToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.AppSecret, text, StringComparison.Ordinal);
    }
}
