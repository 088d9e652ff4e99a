using KooDrive.Generated.Configuration;
using KooDrive.Generated.Tests.Auth.Support;
using Microsoft.Extensions.Logging;

namespace KooDrive.Generated.Tests.Resilience.Support;

/// <summary>A signing client over a recording transport and a fake clock, with recognisable timeout values.</summary>
internal sealed class RetryScenario : IDisposable
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(17);
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromMinutes(5);

    public RetryScenario(Action<KooDriveClientOptions>? configure = null, ILoggerFactory? loggerFactory = null, bool bearer = false)
    {
        Options = bearer ? TestPipelines.Bearer(time: Time, resilience: true) : TestPipelines.Signing(Time, resilience: true);
        Options.Resilience.AttemptTimeout = AttemptTimeout;
        Options.Resilience.TotalTimeout = TotalTimeout;
        configure?.Invoke(Options);
        Client = KooDriveHttpClientFactory.Create(Options, Recorder, loggerFactory);
    }

    public TimerRecordingTimeProvider Time { get; } = new(TestPipelines.VectorTime);

    public RecordingHandler Recorder { get; } = new();

    public KooDriveClientOptions Options { get; }

    public HttpClient Client { get; }

    /// <summary>Waits for the n-th retry delay (0-based) to be scheduled, then lets it elapse; returns it.</summary>
    public async Task<TimeSpan> ElapseDelayAsync(int index)
    {
        var delay = await Time.WaitForDelayAsync(index, AttemptTimeout, TotalTimeout);
        Time.Advance(delay);
        return delay;
    }

    public void Dispose() => Client.Dispose();
}
