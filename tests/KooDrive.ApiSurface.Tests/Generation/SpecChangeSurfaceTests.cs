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
    public async Task A_spec_edit_changes_exactly_the_surface_lines_it_should()
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
                "KooDrive.Generated.ScopeInfo.CreateTime: [Newtonsoft.Json.JsonProperty(\"createTime\", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore, Required = Newtonsoft.Json.Required.Default)] public System.DateTimeOffset? { get; set; }",
                "KooDrive.Generated.ScopeInfo.Etag: [Newtonsoft.Json.JsonProperty(\"etag\", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore, Required = Newtonsoft.Json.Required.Default)] public string? { get; set; }",
            ],
            diff.Added);
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
