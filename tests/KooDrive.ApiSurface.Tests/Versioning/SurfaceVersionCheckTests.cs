using KooDrive.ApiSurface.Versioning;

namespace KooDrive.ApiSurface.Tests.Versioning;

/// <summary>
/// The rule the suite enforces on the committed snapshot: additive changes pass, a breaking change fails until a
/// new version is recorded, and the failure names the change and the exact command and entry.
/// </summary>
public class SurfaceVersionCheckTests
{
    private static readonly string[] Initial = ChangelogTests.Initial;
    private static readonly string Recorded = Changelog.Insert(string.Empty, Changelog.DraftEntry(new SemanticVersion(0, 1, 0), [], Initial));

    [Fact]
    public void The_recorded_surface_itself_passes() =>
        Assert.Null(SurfaceVersionCheck.Run(Recorded, Initial).FailureMessage("the snapshot", "CHANGELOG.md"));

    [Fact]
    public void Additive_changes_pass_without_a_new_version()
    {
        var check = SurfaceVersionCheck.Run(Recorded, [.. Initial, "Api.Model.Etag: public string? { get; set; }"]);

        Assert.Null(check.FailureMessage("the snapshot", "CHANGELOG.md"));
        Assert.Equal(new SemanticVersion(0, 1, 1), check.NextVersion);
    }

    [Fact]
    public void A_breaking_change_fails_naming_the_change_the_version_the_command_and_the_entry()
    {
        var check = SurfaceVersionCheck.Run(Recorded, Initial.Where(l => !l.Contains("DeleteAsync", StringComparison.Ordinal)).ToList());

        var message = check.FailureMessage("the snapshot", "CHANGELOG.md");

        Assert.NotNull(message);
        Assert.Contains("the snapshot has 1 breaking change since 0.1.0, the newest version recorded in CHANGELOG.md:", message, StringComparison.Ordinal);
        Assert.Contains("  Api.IClient.DeleteAsync(string id, System.Threading.CancellationToken cancellationToken = default): removed\n", message, StringComparison.Ordinal);
        Assert.Contains("needs a new minor version (0.2.0)", message, StringComparison.Ordinal);
        Assert.Contains("  " + SurfaceVersionCheck.RecordCommand + "\n", message, StringComparison.Ordinal);
        Assert.Contains("## 0.2.0\n\n### Breaking\n- `Api.IClient.DeleteAsync(", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recording_the_drafted_entry_makes_the_breaking_change_pass()
    {
        var broken = Initial.Where(l => !l.Contains("DeleteAsync", StringComparison.Ordinal)).ToList();
        var check = SurfaceVersionCheck.Run(Recorded, broken);

        var recorded = Changelog.Insert(Recorded, check.DraftEntry());

        Assert.Null(SurfaceVersionCheck.Run(recorded, broken).FailureMessage("the snapshot", "CHANGELOG.md"));
        Assert.Equal(new SemanticVersion(0, 2, 0), Changelog.Parse(recorded).Version);
    }

    [Fact]
    public void From_1_0_a_breaking_change_needs_the_next_major_version()
    {
        var released = Changelog.Insert(string.Empty, Changelog.DraftEntry(new SemanticVersion(1, 3, 0), [], Initial));

        var message = SurfaceVersionCheck.Run(released, Initial[..3]).FailureMessage("the snapshot", "CHANGELOG.md");

        Assert.Contains("needs a new major version (2.0.0)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_changelog_fails_and_says_how_to_start_it()
    {
        var message = SurfaceVersionCheck.Run(string.Empty, Initial).FailureMessage("the snapshot", "CHANGELOG.md");

        Assert.Contains("CHANGELOG.md records no version", message, StringComparison.Ordinal);
        Assert.Contains(SurfaceVersionCheck.RecordCommand, message, StringComparison.Ordinal);
    }
}
