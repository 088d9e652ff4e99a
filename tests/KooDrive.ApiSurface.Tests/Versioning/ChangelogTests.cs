using KooDrive.ApiSurface.Surface;
using KooDrive.ApiSurface.Versioning;

namespace KooDrive.ApiSurface.Tests.Versioning;

/// <summary>The changelog as a record: entries drafted from listings replay to the surface they recorded.</summary>
public class ChangelogTests
{
    internal static readonly string[] Initial =
    [
        "Api.IClient: public interface",
        "Api.IClient.DeleteAsync(string id, System.Threading.CancellationToken cancellationToken = default): public System.Threading.Tasks.Task",
        "Api.Model: public class",
        "Api.Model.Created: public string? { get; set; }",
    ];

    [Fact]
    public void An_empty_changelog_records_nothing()
    {
        var changelog = Changelog.Parse(string.Empty);

        Assert.Null(changelog.Version);
        Assert.Empty(changelog.Surface());
    }

    [Fact]
    public void The_first_entry_records_the_whole_surface_and_replays_to_it()
    {
        var text = Changelog.Insert(string.Empty, Changelog.DraftEntry(new SemanticVersion(0, 1, 0), [], Initial));

        var changelog = Changelog.Parse(text);

        Assert.StartsWith(Changelog.Header, text, StringComparison.Ordinal);
        Assert.Contains("## 0.1.0\n\n### Added\n- The initial public API: 2 types and 2 members.\n", text, StringComparison.Ordinal);
        Assert.Equal(new SemanticVersion(0, 1, 0), changelog.Version);
        Assert.Equal(Initial.Order(StringComparer.Ordinal), changelog.Surface());
        Assert.Empty(changelog.HistoryProblems());
    }

    [Fact]
    public void A_later_entry_goes_on_top_with_Breaking_and_Added_sections_and_the_replay_follows_it()
    {
        string[] next = [Initial[0], "Api.IClient.GetAsync(string id, System.Threading.CancellationToken cancellationToken = default): public System.Threading.Tasks.Task<Api.Model>", Initial[2], "Api.Model.Created: public System.DateTimeOffset? { get; set; }"];
        var text = Changelog.Insert(string.Empty, Changelog.DraftEntry(new SemanticVersion(0, 1, 0), [], Initial));

        var entry = Changelog.DraftEntry(new SemanticVersion(0, 2, 0), Initial, next);
        var changelog = Changelog.Parse(Changelog.Insert(text, entry));

        Assert.Equal(
            """
            ## 0.2.0

            ### Breaking
            - `Api.IClient.DeleteAsync(string id, System.Threading.CancellationToken cancellationToken = default)`: removed.
            - `Api.Model.Created`: type changed: `string?` → `System.DateTimeOffset?`.

            ### Added
            - `Api.IClient.GetAsync(string id, System.Threading.CancellationToken cancellationToken = default)`: new interface member (an implementation outside the SDK must add it).

            <details><summary>Surface lines</summary>

            ```diff
            -Api.IClient.DeleteAsync(string id, System.Threading.CancellationToken cancellationToken = default): public System.Threading.Tasks.Task
            +Api.IClient.GetAsync(string id, System.Threading.CancellationToken cancellationToken = default): public System.Threading.Tasks.Task<Api.Model>
            -Api.Model.Created: public string? { get; set; }
            +Api.Model.Created: public System.DateTimeOffset? { get; set; }
            ```

            </details>


            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            entry);
        Assert.Equal([new SemanticVersion(0, 2, 0), new SemanticVersion(0, 1, 0)], changelog.Entries.Select(e => e.Version));
        Assert.Equal(next.Order(StringComparer.Ordinal), changelog.Surface());
        Assert.Empty(changelog.HistoryProblems());
    }

    [Fact]
    public void An_entry_whose_version_is_too_low_for_its_breaking_changes_is_a_history_problem()
    {
        var text = Changelog.Insert(string.Empty, Changelog.DraftEntry(new SemanticVersion(0, 1, 0), [], Initial));
        text = Changelog.Insert(text, Changelog.DraftEntry(new SemanticVersion(0, 1, 1), Initial, Initial[..3]));

        var problem = Assert.Single(Changelog.Parse(text).HistoryProblems());

        Assert.Equal("0.1.1 follows 0.1.0 with breaking changes: it needs at least 0.2.0 (a minor increment).", problem);
    }

    [Fact]
    public void Prose_is_free_but_a_diff_block_that_removes_an_unrecorded_line_is_refused()
    {
        const string text = """
            # Changelog
            Anything at all, even a ```diff fence inside a sentence.

            ## 0.1.0
            - Some prose with + and - signs.

            ```diff
            -Api.Never.Added: public int { get; }
            ```
            """;

        var error = Assert.Throws<FormatException>(() => Changelog.Parse(text).Surface());

        Assert.Contains("0.1.0 removes a surface line that no earlier entry added: Api.Never.Added", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("## next")]
    [InlineData("## 1.0")]
    [InlineData("## 01.0.0")]
    public void A_heading_without_a_version_is_refused(string heading) =>
        Assert.Throws<FormatException>(() => Changelog.Parse($"# Changelog\n\n{heading}\n"));

    [Theory]
    [InlineData("0.1.0", ChangeKind.Breaking, "0.2.0")]
    [InlineData("0.1.3", ChangeKind.Additive, "0.1.4")]
    [InlineData("1.4.2", ChangeKind.Breaking, "2.0.0")]
    [InlineData("1.4.2", ChangeKind.Additive, "1.5.0")]
    [InlineData("1.4.2", null, "1.4.3")]
    public void The_next_version_follows_semantic_versioning_with_minor_breaks_before_1_0(string from, ChangeKind? change, string expected)
    {
        Assert.True(SemanticVersion.TryParse(from, out var version));

        Assert.Equal(expected, version.Next(change).ToString());
    }
}
