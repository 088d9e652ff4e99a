namespace KooDrive.Generated.Tests.PublicApi;

/// <summary>
/// The public API of KooDrive.Generated, generated and handwritten alike, must match the committed listing
/// in __snapshots__/KooDrive.Generated.snap. A spec edit that changes what consumers compile against fails
/// here until someone has reviewed and accepted the change (CONTRIBUTING.md, "Regenerating after a doc update").
/// </summary>
public class PublicApiSnapshotTests
{
    internal static SurfaceSnapshot Snapshot { get; } = new(
        Path.Combine(RepoPaths.Root, "tests", "KooDrive.Generated.Tests", "PublicApi"),
        "KooDrive.Generated.snap",
        "FullyQualifiedName~KooDrive.Generated.Tests.PublicApi.PublicApiSnapshotTests");

    [Fact]
    public void The_public_API_matches_the_committed_snapshot() =>
        Snapshot.AssertMatches(BuiltAssembly.Surface);
}
