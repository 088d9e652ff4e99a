using System.Net;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Hosting;

/// <summary>The latency option: every API request waits it out before it is handled, as over a real network.</summary>
public class LatencyTests
{
    [Fact]
    public async Task A_request_is_not_handled_before_the_latency_has_passed()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.Latency = TimeSpan.FromSeconds(30));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        using var request = EmulatorHarness.Request(HttpMethod.Delete, $"koodrive/ose/v1/backup/device/{harness.Seed.Device.DeviceId}");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client(AuthMode.Bearer).SendAsync(request, timeout.Token));

        Assert.NotEmpty(harness.Emulator.State.GetDevices(harness.UserId));
    }

    [Fact]
    public async Task After_the_latency_the_request_is_handled_normally()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(20));

        var response = await EmulatorHarness.SendAsync(harness.Client(AuthMode.Bearer), HttpMethod.Delete, $"koodrive/ose/v1/backup/device/{harness.Seed.Device.DeviceId}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(harness.Emulator.State.GetDevices(harness.UserId));
    }

    [Fact]
    public async Task The_command_line_sets_it_in_milliseconds_and_a_negative_one_is_refused()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(20), KooDriveEmulatorOptions.FromCommandLine(["--latency-ms", "20"]).Latency);
        Assert.Equal(TimeSpan.Zero, KooDriveEmulatorOptions.FromCommandLine([]).Latency);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("Latency", () => KooDriveEmulator.StartAsync(new KooDriveEmulatorOptions { Latency = TimeSpan.FromMilliseconds(-1) }));
    }
}
