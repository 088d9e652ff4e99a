namespace KooDrive.Emulator.Hosting;

/// <summary>A host lifetime that ignores console signals, so a test process can host many emulators.</summary>
internal sealed class PassiveLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
