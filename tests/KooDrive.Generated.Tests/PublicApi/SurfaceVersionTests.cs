using KooDrive.ApiSurface;
using KooDrive.ApiSurface.Surface;
using KooDrive.ApiSurface.Versioning;
using Xunit.Sdk;

namespace KooDrive.Generated.Tests.PublicApi;

/// <summary>
/// The committed surface snapshot may grow freely, but may not break what the newest version in
/// spec/CHANGELOG.md recorded: a breaking change needs a new version recorded first (a new minor version while
/// the major version is 0). CONTRIBUTING.md, "Versions and releases".
/// </summary>
public class SurfaceVersionTests
{
    private static readonly string ChangelogFile = Path.Combine(RepoPaths.Root, Cli.ChangelogPath);

    [Fact]
    public void The_committed_snapshot_has_no_breaking_change_since_the_newest_recorded_version_and_the_changelog_is_consistent()
    {
        var changelog = File.Exists(ChangelogFile) ? File.ReadAllText(ChangelogFile) : string.Empty;
        var snapshot = PublicApiPrinter.FromText(File.ReadAllText(PublicApiSnapshotTests.Snapshot.SnapshotPath));

        var failure = SurfaceVersionCheck.Run(changelog, snapshot).FailureMessage(Cli.SnapshotPath, Cli.ChangelogPath);

        if (failure is not null)
        {
            throw new XunitException(failure);
        }
    }
}
