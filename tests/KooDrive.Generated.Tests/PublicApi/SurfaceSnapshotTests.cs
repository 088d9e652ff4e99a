using System.Text;
using Xunit.Sdk;

namespace KooDrive.Generated.Tests.PublicApi;

/// <summary>The snapshot guard itself: strict mode, the failure message, and both accept paths.</summary>
public sealed class SurfaceSnapshotTests : IDisposable
{
    private static readonly string[] Before = ["Api.A: public class", "Api.A.X: public int { get; set; }"];
    private static readonly string[] After = ["Api.A: public class", "Api.A.X: public long { get; set; }", "Api.A.Y: public string? { get; set; }"];

    private readonly string _folder = Directory.CreateTempSubdirectory("koodrive-snapshot-").FullName;
    private readonly Dictionary<string, string> _environment = [];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("on")]
    [InlineData("true")]
    public void A_missing_snapshot_fails_in_strict_mode_and_says_how_to_create_it(string strict)
    {
        _environment[SurfaceSnapshot.StrictVariable] = strict;
        var snapshot = NewSnapshot();

        var error = Assert.Throws<XunitException>(() => snapshot.AssertMatches(Before));

        Assert.Contains("SNAPSHOOTER_STRICT_MODE is on", error.Message, StringComparison.Ordinal);
        Assert.Contains(snapshot.AcceptCommand, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(snapshot.SnapshotPath));
    }

    [Fact]
    public void A_missing_snapshot_is_created_outside_strict_mode()
    {
        var snapshot = NewSnapshot();

        snapshot.AssertMatches(Before);

        Assert.Equal("Api.A: public class\nApi.A.X: public int { get; set; }\n", File.ReadAllText(snapshot.SnapshotPath));
    }

    [Fact]
    public void A_changed_surface_fails_with_the_changed_lines_and_how_to_review_and_accept()
    {
        var snapshot = NewSnapshot();
        snapshot.AssertMatches(Before);

        var error = Assert.Throws<XunitException>(() => snapshot.AssertMatches(After));

        Assert.Contains("-Api.A.X: public int { get; set; }\n+Api.A.X: public long { get; set; }\n+Api.A.Y: public string? { get; set; }\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("(-1 +2 lines)", error.Message, StringComparison.Ordinal);
        Assert.Contains("git diff --no-index", error.Message, StringComparison.Ordinal);
        Assert.Contains(snapshot.AcceptCommand, error.Message, StringComparison.Ordinal);
        Assert.Contains("Regenerating after a doc update", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 of these changes is breaking: after accepting, also record a new version with `dotnet run --project generator/KooDrive.ApiSurface -- changelog --write`", error.Message, StringComparison.Ordinal);
        // Snapshooter leaves the new listing for review; copying it over the snapshot accepts it.
        Assert.Equal(string.Join("\n", After) + "\n", File.ReadAllText(snapshot.MismatchPath));
    }

    [Fact]
    public void Copying_the_mismatch_file_over_the_snapshot_accepts_the_change()
    {
        var snapshot = NewSnapshot();
        snapshot.AssertMatches(Before);
        Assert.Throws<XunitException>(() => snapshot.AssertMatches(After));

        File.Copy(snapshot.MismatchPath, snapshot.SnapshotPath, overwrite: true);

        snapshot.AssertMatches(After);
    }

    [Fact]
    public void The_accept_variable_writes_the_snapshot_and_removes_the_stale_mismatch()
    {
        var snapshot = NewSnapshot();
        snapshot.AssertMatches(Before);
        Assert.Throws<XunitException>(() => snapshot.AssertMatches(After));

        _environment[SurfaceSnapshot.AcceptVariable] = "1";
        snapshot.AssertMatches(After);
        _environment.Remove(SurfaceSnapshot.AcceptVariable);

        snapshot.AssertMatches(After);
        Assert.False(File.Exists(snapshot.MismatchPath));
        // Same bytes as a Snapshooter-written snapshot, so both accept paths give identical files.
        Assert.Equal(Encoding.UTF8.GetPreamble(), File.ReadAllBytes(snapshot.SnapshotPath)[..3]);
    }

    [Fact]
    public void Accepting_is_refused_in_CI()
    {
        _environment["CI"] = "true";
        _environment[SurfaceSnapshot.AcceptVariable] = "1";
        var snapshot = NewSnapshot();

        var error = Assert.Throws<XunitException>(() => snapshot.AssertMatches(After));

        Assert.Contains("CI", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(snapshot.SnapshotPath));
    }

    [Fact]
    public void A_snapshot_with_CRLF_line_endings_from_a_Windows_checkout_still_matches()
    {
        var snapshot = NewSnapshot();
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot.SnapshotPath)!);
        File.WriteAllText(snapshot.SnapshotPath, string.Join("\r\n", Before) + "\r\n", Encoding.UTF8);

        snapshot.AssertMatches(Before);
    }

    private SurfaceSnapshot NewSnapshot() =>
        new(_folder, "Api.snap", "FullyQualifiedName~Api", name => _environment.GetValueOrDefault(name));
}
