using System.Text;
using KooDrive.ApiSurface.Surface;

namespace KooDrive.ApiSurface.Versioning;

/// <summary>
/// Compares a surface (the committed snapshot) with the surface recorded for the newest version in the
/// changelog. Additive changes may wait for the next recorded version; a breaking change may not: it needs a
/// new version recorded first, and the failure says which one and how.
/// </summary>
public sealed class SurfaceVersionCheck
{
    /// <summary>The command that records the current snapshot as the next version.</summary>
    public const string RecordCommand = "dotnet run --project generator/KooDrive.ApiSurface -- changelog --write";

    private SurfaceVersionCheck(Changelog changelog, IReadOnlyList<string> recorded, IReadOnlyList<string> current)
    {
        Changelog = changelog;
        Recorded = recorded;
        Current = current;
        Changes = SurfaceClassifier.Classify(recorded, current);
        var level = recorded.Count == 0 ? ChangeKind.Additive : Changelog.Severity(Changes);
        NextVersion = changelog.Version is { } version ? version.Next(level) : new SemanticVersion(0, 1, 0);
    }

    /// <summary>The changelog read.</summary>
    public Changelog Changelog { get; }

    /// <summary>The surface recorded for the newest version.</summary>
    public IReadOnlyList<string> Recorded { get; }

    /// <summary>The surface checked.</summary>
    public IReadOnlyList<string> Current { get; }

    /// <summary>Every change from the recorded surface to the current one.</summary>
    public IReadOnlyList<SurfaceChange> Changes { get; }

    /// <summary>The breaking ones.</summary>
    public IReadOnlyList<SurfaceChange> Breaking => Changes.Where(c => c.Kind == ChangeKind.Breaking).ToList();

    /// <summary>The version that would record the current surface.</summary>
    public SemanticVersion NextVersion { get; }

    /// <summary>Checks <paramref name="current"/> against the changelog.</summary>
    /// <param name="changelogText">The changelog's text (empty when it does not exist).</param>
    /// <param name="current">The surface to check.</param>
    /// <returns>The result.</returns>
    public static SurfaceVersionCheck Run(string changelogText, IReadOnlyList<string> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var changelog = Changelog.Parse(changelogText);
        return new SurfaceVersionCheck(changelog, changelog.Surface(), current);
    }

    /// <summary>The entry that would record the current surface, as <c>changelog --write</c> adds it.</summary>
    /// <param name="withLines">Whether to include the surface lines.</param>
    /// <returns>The Markdown entry.</returns>
    public string DraftEntry(bool withLines = true) => Changelog.DraftEntry(NextVersion, Recorded, Current, withLines);

    /// <summary>
    /// Why the check fails, or <see langword="null"/> when it passes: no changelog, a breaking change without a
    /// recorded version, or an entry whose version is too low for its own changes.
    /// </summary>
    /// <param name="snapshotName">How to name the checked snapshot in the message.</param>
    /// <param name="changelogName">How to name the changelog in the message.</param>
    /// <returns>The failure message, or <see langword="null"/>.</returns>
    public string? FailureMessage(string snapshotName, string changelogName)
    {
        var text = new StringBuilder();
        if (Changelog.Version is not { } recorded)
        {
            text.Append($"{changelogName} records no version, so there is no surface to check {snapshotName} against.\n")
                .Append($"Record the current surface as {NextVersion}:\n  {RecordCommand}\nand commit {changelogName}.\n");
            return text.ToString();
        }

        var history = Changelog.HistoryProblems();
        foreach (var problem in history)
        {
            text.Append($"{changelogName}: {problem}\n");
        }

        if (history.Count > 0)
        {
            text.Append("Give each such entry a version its changes allow (edit its heading), then run the tests again.\n");
        }

        var breaking = Breaking;
        if (breaking.Count > 0)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append($"{snapshotName} has {breaking.Count} breaking change{(breaking.Count == 1 ? string.Empty : "s")} since {recorded}, the newest version recorded in {changelogName}:\n\n");
            foreach (var change in breaking)
            {
                text.Append($"  {change.Member}: {change.Reason}\n");
            }

            text.Append($"""

                A breaking change needs a new {recorded.IncrementName(ChangeKind.Breaking)} version ({NextVersion}) recorded in {changelogName}: while the major
                version is 0 a break takes the next minor version, from 1.0 on the next major version.
                If the break is intended, record it (the snapshot is already accepted):
                  {RecordCommand}
                It adds this entry, with the exact surface lines, to {changelogName}; commit it with the snapshot:

                {DraftEntry(withLines: false).TrimEnd('\n')}

                If the break is not intended, restore what the lines above removed or changed (in spec/openapi.yaml or
                the handwritten code) and accept the snapshot again.

                """);
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
