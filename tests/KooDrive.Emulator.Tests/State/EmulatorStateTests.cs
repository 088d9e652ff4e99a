using KooDrive.Emulator.State;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.State;

/// <summary>The state helpers tests use to arrange data refuse what the service would never hold.</summary>
public class EmulatorStateTests
{
    private readonly EmulatorState _state = new(new ManualTimeProvider(EmulatorHarness.Start));

    public EmulatorStateTests() => _state.AddUser("1");

    [Fact]
    public void Helpers_name_the_bad_argument()
    {
        Assert.Equal("userId", Assert.Throws<ArgumentException>(() => _state.IssueToken("2")).ParamName);
        Assert.Equal("moduleCode", Assert.Throws<ArgumentException>(() => _state.CreateBackupLock("1", "103")).ParamName);
        Assert.Equal("deviceId", Assert.Throws<ArgumentException>(() => _state.AddScope("42", "100", "/a", null)).ParamName);
        Assert.Equal("deviceId", Assert.Throws<ArgumentException>(() => _state.BindDevice("1", "m", deviceId: "12ab")).ParamName);
        Assert.Equal("deviceId", Assert.Throws<ArgumentException>(() => _state.CreateBackupRecord("1", "42", "100")).ParamName);
    }

    [Fact]
    public void A_chosen_ID_cannot_be_taken_twice()
    {
        _state.BindDevice("1", "m", deviceId: "1842812272691451648");

        Assert.Throws<ArgumentException>(() => _state.BindDevice("1", "m", deviceId: "1842812272691451648"));
    }

    [Fact]
    public void A_scope_that_already_exists_for_the_module_cannot_be_added_again()
    {
        var device = _state.BindDevice("1", "m");
        _state.AddScope(device.DeviceId, "100", "/a", "/x");

        Assert.Throws<InvalidOperationException>(() => _state.AddScope(device.DeviceId, "100", "/a", "/y"));
        _state.AddScope(device.DeviceId, "101", "/a", "/x");

        Assert.Equal(["100", "101"], _state.GetScopes(device.DeviceId).Select(s => s.ModuleCode));
    }
}
