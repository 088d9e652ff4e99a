using KooDrive.EndToEnd.Tests.Support;
using KooDrive.Generated;
using KooDrive.Samples;

namespace KooDrive.EndToEnd.Tests.Samples;

/// <summary>
/// The backup-flow sample (samples/BackupFlow), exactly as it runs, against the emulator in both authentication
/// modes: every step lands in the emulator's state, and the clean-up leaves nothing behind.
/// </summary>
public class BackupFlowSampleTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    public static TheoryData<AuthMode> Modes => [AuthMode.Bearer, AuthMode.AppSignature];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_sample_backs_up_from_binding_a_device_to_cleaning_up(AuthMode mode)
    {
        var state = emulator.Emulator.State;
        using var log = new StringWriter();

        var result = await BackupFlow.RunAsync(emulator.Backup(mode), $"sample_{mode}", log, emulator.Clock);

        Assert.Equal(["/home/me/Documents", "/home/me/Pictures"], result.ScopesAdded.Select(s => s.LocalPath));
        Assert.Equal(result.ScopesAdded.Select(s => s.ScopeId).Order(), result.ScopesListed.Select(s => s.ScopeId).Order());
        var record = Assert.Single(result.RecordsListed);
        Assert.Equal((result.RecordId, 1), (record.RecordId, record.Status));
        Assert.True(result.ScopesDeleted.AllSucceeded);
        Assert.Equal(result.ScopesAdded.Count, result.ScopesDeleted.Items.Count);
        Assert.Null(state.GetBackupRecord(result.RecordId));
        Assert.DoesNotContain(state.GetDevices(emulator.UserId), d => d.DeviceId == result.DeviceId);
        Assert.Empty(state.GetScopes(result.DeviceId));
        Assert.Contains("released the lock", log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("@100", log.ToString(), StringComparison.Ordinal);
    }
}
