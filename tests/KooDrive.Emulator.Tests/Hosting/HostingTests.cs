using System.Net;
using System.Net.Sockets;
using KooDrive.Emulator.Tests.Operations;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Hosting;

public class HostingTests
{
    [Fact]
    public async Task Starts_on_a_free_loopback_port_and_reports_the_bound_address()
    {
        await using var emulator = await KooDriveEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        var response = await http.GetAsync(new Uri("nothing-here", UriKind.Relative));

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.EndsWith("/", emulator.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_with_separate_state()
    {
        await using var first = await KooDriveEmulator.StartAsync();
        await using var second = await KooDriveEmulator.StartAsync();

        Assert.NotEqual(first.BaseAddress, second.BaseAddress);
        Assert.DoesNotContain(second.State.GetDevices(second.Credentials.UserId), d => d.DeviceId == first.Seed!.Device.DeviceId);
        Assert.NotEqual(first.Credentials.BearerToken, second.Credentials.BearerToken);
    }

    [Fact]
    public async Task Disposing_stops_listening()
    {
        var emulator = await KooDriveEmulator.StartAsync();
        var address = emulator.BaseAddress;

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync(IPAddress.Loopback, address.Port));
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://192.168.1.10:0")]
    [InlineData("https://127.0.0.1:0")]
    [InlineData("http://127.0.0.1:0/prefix")]
    [InlineData("not a url")]
    public async Task Only_an_http_loopback_url_is_accepted(string url)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => KooDriveEmulator.StartAsync(new KooDriveEmulatorOptions { Url = url }));

        Assert.Equal("Url", error.ParamName);
    }

    [Fact]
    public async Task Seeds_a_device_with_scopes_a_record_with_a_live_lock_and_an_album()
    {
        await using var emulator = await KooDriveEmulator.StartAsync();
        var seed = emulator.Seed!;
        var state = emulator.State;
        var userId = emulator.Credentials.UserId;

        Assert.Equal(KooDriveEmulatorOptions.DefaultUserId, userId);
        Assert.Equal(seed.Device, Assert.Single(state.GetDevices(userId)));
        Assert.Equal(seed.Scopes, state.GetScopes(seed.Device.DeviceId));
        Assert.Equal(seed.BackupRecord, state.GetBackupRecord(seed.BackupRecord.RecordId));
        Assert.Equal(seed.BackupRecord.ModuleCode, seed.BackupLock.ModuleCode);
        Assert.EndsWith("@" + seed.BackupLock.ModuleCode, seed.BackupLock.LockId, StringComparison.Ordinal);
        Assert.True(state.IsBackupLockLive(seed.BackupLock.LockId));
        Assert.Equal(3, state.GetAlbum(seed.Album.AlbumId)!.ContentIds.Count);
        Assert.All([seed.Device.DeviceId, seed.BackupRecord.RecordId, seed.Album.AlbumId, .. seed.Scopes.Select(s => s.ScopeId)], AddBackupScopesTests.AssertSnowflake);
    }

    [Fact]
    public async Task Seeding_can_be_switched_off()
    {
        await using var emulator = await KooDriveEmulator.StartAsync(new KooDriveEmulatorOptions { SeedDemoData = false });

        Assert.Null(emulator.Seed);
        Assert.Empty(emulator.State.GetDevices(emulator.Credentials.UserId));
    }

    [Fact]
    public async Task Chosen_credentials_are_the_ones_accepted()
    {
        await using var emulator = await KooDriveEmulator.StartAsync(new KooDriveEmulatorOptions
        {
            UserId = "1000000000000000009",
            BearerToken = "fixed-token",
            AppId = "fixedApp",
            AppSecret = "fixedSecret",
        });
        var clock = TimeProvider.System;
        using var bearer = new HttpClient(new TestAuthHandler(AuthMode.Bearer, emulator.Credentials, clock)) { BaseAddress = emulator.BaseAddress };
        using var signed = new HttpClient(new TestAuthHandler(AuthMode.AppSignature, emulator.Credentials, clock)) { BaseAddress = emulator.BaseAddress };
        var path = $"koodrive/ose/v1/backup/device/{emulator.Seed!.Device.DeviceId}/scope";

        var byToken = await EmulatorHarness.SendAsync(bearer, HttpMethod.Delete, path, """{"scopeIdList":["1"]}""");
        var bySignature = await EmulatorHarness.SendAsync(signed, HttpMethod.Delete, path, """{"scopeIdList":["1"]}""");

        Assert.Equal(("1000000000000000009", "fixed-token", "fixedApp", "fixedSecret"), (emulator.Credentials.UserId, emulator.Credentials.BearerToken, emulator.Credentials.AppId, emulator.Credentials.AppSecret));
        Assert.Equal(0, byToken.Code);
        Assert.Equal(0, bySignature.Code);
    }

    [Fact]
    public async Task Credentials_never_show_the_token_or_the_secret_as_text()
    {
        await using var emulator = await KooDriveEmulator.StartAsync();
        var text = emulator.Credentials.ToString();

        Assert.Contains(emulator.Credentials.UserId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Credentials.BearerToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Credentials.AppSecret, text, StringComparison.Ordinal);
    }
}
