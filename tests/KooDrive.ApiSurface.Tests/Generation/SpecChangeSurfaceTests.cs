using KooDrive.ApiSurface.Surface;
using YamlDotNet.RepresentationModel;

namespace KooDrive.ApiSurface.Tests.Generation;

/// <summary>
/// Proves that the surface guard can fail: a spec edit of each kind a doc update brings changes the
/// printed surface in exactly the lines it should, and in no other.
/// </summary>
public class SpecChangeSurfaceTests
{
    [Fact]
    public async Task A_spec_edit_changes_exactly_the_surface_lines_it_should_and_each_change_is_labelled_breaking_or_additive()
    {
        using var spec = SpecCopy.Of(RepoPaths.Spec);
        var unchanged = await Cli.SpecSurfaceAsync(spec.Save());

        // An added optional field.
        spec.Map("components", "schemas", "ScopeInfo", "properties").Add("etag", new YamlMappingNode
        {
            { "type", "string" },
            { "nullable", "true" },
            { "description", "Entity tag of the scope." },
        });
        // A removed operation (the path has only UnbindDevice).
        spec.Remove("/koodrive/ose/v1/backup/device/{deviceId}", "paths");
        // A changed type: createTime becomes a timestamp.
        spec.Map("components", "schemas", "ScopeInfo", "properties", "createTime").Add("format", "date-time");
        // A new operation.
        spec.Map("paths").Add("/koodrive/ose/v1/backup/device/{deviceId}/status", Yaml("""
            parameters:
              - $ref: '#/components/parameters/DeviceId'
            get:
              tags: [Backup]
              operationId: GetDeviceStatus
              summary: Query a device.
              description: Query a bound device.
              responses:
                '200':
                  description: The device.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/UnbindDeviceResponse'
            """));

        var changed = await Cli.SpecSurfaceAsync(spec.Save());
        var diff = SurfaceDiff.Compare(unchanged, changed);

        Assert.Equal(
            [
                "KooDrive.Generated.BackupClient.UnbindDeviceAsync(string deviceId, System.Threading.CancellationToken cancellationToken = default): public virtual System.Threading.Tasks.Task<KooDrive.Generated.UnbindDeviceResponse>",
                "KooDrive.Generated.IBackupClient.UnbindDeviceAsync(string deviceId, System.Threading.CancellationToken cancellationToken = default): public System.Threading.Tasks.Task<KooDrive.Generated.UnbindDeviceResponse>",
                "KooDrive.Generated.ScopeInfo.CreateTime: [Newtonsoft.Json.JsonProperty(\"createTime\", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore, Required = Newtonsoft.Json.Required.Default)] public string? { get; set; }",
            ],
            diff.Removed);
        Assert.Equal(
            [
                "KooDrive.Generated.BackupClient.GetDeviceStatusAsync(string deviceId, System.Threading.CancellationToken cancellationToken = default): public virtual System.Threading.Tasks.Task<KooDrive.Generated.UnbindDeviceResponse>",
                "KooDrive.Generated.IBackupClient.GetDeviceStatusAsync(string deviceId, System.Threading.CancellationToken cancellationToken = default): public System.Threading.Tasks.Task<KooDrive.Generated.UnbindDeviceResponse>",
                "KooDrive.Generated.ScopeInfo.CreateTime: [Newtonsoft.Json.JsonProperty(\"createTime\", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore, Required = Newtonsoft.Json.Required.Default)] public System.DateTimeOffset? { get; set; }",
                "KooDrive.Generated.ScopeInfo.Etag: [Newtonsoft.Json.JsonProperty(\"etag\", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore, Required = Newtonsoft.Json.Required.Default)] public string? { get; set; }",
            ],
            diff.Added);

        Assert.Equal(
            [
                "breaking  KooDrive.Generated.BackupClient.UnbindDeviceAsync(string deviceId, System.Threading.CancellationToken cancellationToken = default): removed",
                "breaking  KooDrive.Generated.IBackupClient.UnbindDeviceAsync(string deviceId, System.Threading.CancellationToken cancellationToken = default): removed",
                "breaking  KooDrive.Generated.ScopeInfo.CreateTime: type changed: `string?` → `System.DateTimeOffset?`",
                "additive  KooDrive.Generated.BackupClient.GetDeviceStatusAsync(string deviceId, System.Threading.CancellationToken cancellationToken = default): added",
                "additive  KooDrive.Generated.IBackupClient.GetDeviceStatusAsync(string deviceId, System.Threading.CancellationToken cancellationToken = default): new interface member (an implementation outside the SDK must add it)",
                "additive  KooDrive.Generated.ScopeInfo.Etag: added",
            ],
            SurfaceClassifier.Classify(unchanged, changed).Select(c => c.ToString()));
    }

    private static YamlNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }

    [Fact]
    public async Task Copying_the_spec_does_not_change_the_surface()
    {
        // The edit test compares two copies; this pins that a copy alone generates what the spec does.
        using var spec = SpecCopy.Of(RepoPaths.Spec);

        var original = await Cli.SpecSurfaceAsync(RepoPaths.Spec);
        var copy = await Cli.SpecSurfaceAsync(spec.Save());

        Assert.True(SurfaceDiff.Compare(original, copy).IsEmpty, SurfaceDiff.Compare(original, copy).ToDiffText());
        Assert.Contains(original, l => l.StartsWith("KooDrive.Generated.IBackupClient.UnbindDeviceAsync(", StringComparison.Ordinal));
    }
}
