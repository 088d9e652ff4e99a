using System.Text;
using KooDrive.ApiSurface.Surface;
using KooDrive.ApiSurface.Versioning;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit.Sdk;

namespace KooDrive.Generated.Tests.PublicApi;

/// <summary>
/// Compares a public API listing with its committed Snapshooter snapshot. The snapshot's folder is resolved
/// from the repository root, not from PDB source paths, so lookup works on a fresh clone and in deterministic
/// builds. A failure shows the changed lines and says how to review and accept the change.
/// </summary>
internal sealed class SurfaceSnapshot
{
    /// <summary>Set to <c>1</c> to write the current listing as the snapshot instead of comparing.</summary>
    public const string AcceptVariable = "KOODRIVE_ACCEPT_SURFACE";

    /// <summary>Snapshooter's own switch (CI sets it): a missing snapshot fails instead of being created.</summary>
    public const string StrictVariable = "SNAPSHOOTER_STRICT_MODE";

    private const int MaxDiffLinesShown = 80;

    private readonly string _folder;
    private readonly string _fileName;
    private readonly string _testFilter;
    private readonly Func<string, string?> _environment;

    /// <param name="folder">The folder that holds <c>__snapshots__</c>.</param>
    /// <param name="fileName">The snapshot's file name.</param>
    /// <param name="testFilter">A <c>dotnet test --filter</c> value that runs the test using this snapshot.</param>
    /// <param name="environment">Reads environment variables (tests pass their own).</param>
    public SurfaceSnapshot(string folder, string fileName, string testFilter, Func<string, string?>? environment = null)
    {
        _folder = folder;
        _fileName = fileName;
        _testFilter = testFilter;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    public string SnapshotPath => Path.Combine(_folder, "__snapshots__", _fileName);

    public string MismatchPath => Path.Combine(_folder, "__snapshots__", "__mismatch__", _fileName);

    public string AcceptCommand => $"{AcceptVariable}=1 dotnet test {Relative(TestProjectFolder)} --filter \"{_testFilter}\"";

    private static string TestProjectFolder => Path.Combine(RepoPaths.Root, "tests", "KooDrive.Generated.Tests");

    public void AssertMatches(IReadOnlyList<string> lines)
    {
        var listing = PublicApiPrinter.ToText(lines);
        if (IsSet(AcceptVariable))
        {
            Accept(listing);
            return;
        }

        if (!File.Exists(SnapshotPath))
        {
            // Checked here, with Snapshooter's variable and rules, so that tests can choose the mode.
            if (IsStrict())
            {
                throw new XunitException(MissingMessage());
            }

            Write(SnapshotPath, listing);
            return;
        }

        var stored = File.ReadAllText(SnapshotPath, Encoding.UTF8);
        try
        {
            Snapshot.Match(listing, new SnapshotFullName(_fileName, _folder));
        }
        catch (Exception)
        {
            var diff = SurfaceDiff.Compare(PublicApiPrinter.FromText(stored), lines);
            if (diff.IsEmpty)
            {
                throw;
            }

            throw new XunitException(MismatchMessage(diff) + BreakingNote(PublicApiPrinter.FromText(stored), lines));
        }
    }

    private void Accept(string listing)
    {
        if (string.Equals(_environment("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new XunitException($"{AcceptVariable} is set in CI. Snapshots are accepted on a developer machine, reviewed, and committed; CI only compares.");
        }

        Write(SnapshotPath, listing);
        if (File.Exists(MismatchPath))
        {
            File.Delete(MismatchPath);
        }
    }

    // Snapshooter writes UTF-8 with a byte-order mark; accepting writes the same bytes so that copying the
    // __mismatch__ file and setting the accept variable are interchangeable.
    private static void Write(string path, string listing)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, listing, Encoding.UTF8);
    }

    private string MismatchMessage(SurfaceDiff diff)
    {
        var text = diff.ToDiffText().TrimEnd('\n').Split('\n');
        var shown = string.Join("\n", text.Take(MaxDiffLinesShown));
        var more = text.Length > MaxDiffLinesShown ? $"\n... and {text.Length - MaxDiffLinesShown} more changed lines (see the review command)." : string.Empty;

        return $"""
            The public API surface differs from its snapshot {Relative(SnapshotPath)} (-{diff.Removed.Count} +{diff.Added.Count} lines):

            {shown}{more}

            If you meant to change the public API (for example after editing spec/openapi.yaml), review and accept it:
              review:  git diff --no-index {Relative(SnapshotPath)} {Relative(MismatchPath)}
              accept:  {AcceptCommand}
                  or:  cp {Relative(MismatchPath)} {Relative(SnapshotPath)}
            and commit the .snap with the change that caused it. If you did not mean to change it, the lines above
            are what your change did to consumers. Walk-through: CONTRIBUTING.md, "Regenerating after a doc update".
            """;
    }

    // A breaking change also needs a new version recorded (SurfaceVersionTests); saying so here saves a second round.
    private static string BreakingNote(IReadOnlyList<string> stored, IReadOnlyList<string> lines)
    {
        var breaking = SurfaceClassifier.Classify(stored, lines).Count(c => c.Kind == ChangeKind.Breaking);
        return breaking == 0
            ? string.Empty
            : $"\n{breaking} of these changes {(breaking == 1 ? "is" : "are")} breaking: after accepting, also record a new version with `{SurfaceVersionCheck.RecordCommand}` (CONTRIBUTING.md, \"Versions and releases\").\n";
    }

    private string MissingMessage() => $"""
        There is no public API snapshot at {Relative(SnapshotPath)}, and {StrictVariable} is on (as in CI), so it is not created silently.
        Create it on your machine, review it, and commit it:
          {AcceptCommand}
        """;

    private bool IsSet(string name) =>
        _environment(name) is { } value && (value == "1" || value.Equals("on", StringComparison.OrdinalIgnoreCase) || (bool.TryParse(value, out var b) && b));

    // Snapshooter's rule: "on" (exactly) or a boolean true.
    private bool IsStrict() =>
        _environment(StrictVariable) is { } value && (value == "on" || (bool.TryParse(value, out var b) && b));

    private static string Relative(string path) =>
        Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
}
