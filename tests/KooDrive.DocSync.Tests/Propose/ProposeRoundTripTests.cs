using KooDrive.DocSync.Pages;
using KooDrive.DocSync.Propose;
using static KooDrive.DocSync.Tests.Support.CommittedDocs;

namespace KooDrive.DocSync.Tests.Propose;

/// <summary>`propose` gives, for a page the spec lacks, a fragment that makes `check` pass once pasted.</summary>
public class ProposeRoundTripTests
{
    [Theory]
    [InlineData("unbind-device.txt", "  /koodrive/ose/v1/backup/device/{deviceId}:\n")]
    [InlineData("delete-backup-record.txt", "  /koodrive/ose/v1/backup/record/{recordId}:\n")]
    public void A_proposed_fragment_pasted_into_a_spec_without_the_operation_makes_check_pass(string pageName, string pathLine)
    {
        var page = PageReader.ReadFile(PageFile(pageName));
        var without = RemovePath(SpecText, pathLine);
        var before = CheckPage(page, DocSyncChecker.LoadSpec(without));
        Assert.Single(before.UnknownPages);

        var fragment = FragmentWriter.Write(page, DocSyncChecker.LoadSpec(without));
        var pasted = Paste(without, fragment);
        var after = CheckPage(page, DocSyncChecker.LoadSpec(pasted));

        Assert.Empty(after.UnknownPages);
        Assert.True(after.Passed, $"{string.Join('\n', after.Unacknowledged)}\n--- fragment ---\n{fragment}");
    }

    [Fact]
    public void A_fragment_follows_the_spec_conventions()
    {
        var page = PageReader.ReadFile(PageFile("delete-album-contents.txt"));

        var fragment = FragmentWriter.Write(page, DocSyncChecker.LoadSpec(RemovePath(SpecText, "  /koodrive/ose/v1/{albumId}/batchDelete:\n")));

        Assert.Contains("x-koodrive-page: spec/docs/2026-11-29/delete-album-contents.txt", fragment, StringComparison.Ordinal);
        Assert.Contains("tags: [Album]", fragment, StringComparison.Ordinal);
        Assert.Contains("maxItems: 1000", fragment, StringComparison.Ordinal);
        Assert.Contains("The page says \"58 bits\"", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("name: Authorization", fragment, StringComparison.Ordinal);
        Assert.Contains("$ref: '#/components/responses/Error'", fragment, StringComparison.Ordinal);
    }

    // Deletes one path item (its line and every deeper-indented line after it).
    private static string RemovePath(string spec, string pathLine)
    {
        var lines = spec.Split('\n').ToList();
        var start = lines.IndexOf(pathLine.TrimEnd('\n'));
        Assert.True(start >= 0, pathLine);
        var end = start + 1;
        while (end < lines.Count && (lines[end].StartsWith("    ", StringComparison.Ordinal) || lines[end].Length == 0))
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }

    // What a reviewer does with the fragment: the path goes under `paths:`, each schema the spec does not
    // already have under `components: schemas:` (the fragment marks the ones it has).
    private static string Paste(string spec, string fragment)
    {
        var lines = fragment.Split('\n');
        var components = Array.IndexOf(lines, "components:");
        var pathBlock = lines[(Array.IndexOf(lines, "paths:") + 1)..components];
        var schemaLines = lines[(components + 2)..];
        var schemas = new List<string>();
        var skip = false;
        foreach (var line in schemaLines)
        {
            if (line.StartsWith("    ", StringComparison.Ordinal) && !line.StartsWith("     ", StringComparison.Ordinal))
            {
                var name = line.Trim().TrimEnd(':');
                skip = line.TrimStart().StartsWith('#') || SpecText.Contains($"\n    {name}:\n", StringComparison.Ordinal);
                if (line.TrimStart().StartsWith('#'))
                {
                    continue;
                }
            }

            if (!skip && line.Length > 0)
            {
                schemas.Add(line);
            }
        }

        var result = spec.Replace("\npaths:\n", "\npaths:\n" + string.Join('\n', pathBlock) + "\n", StringComparison.Ordinal);
        return result.Replace("\n  schemas:\n", "\n  schemas:\n" + string.Join('\n', schemas) + "\n", StringComparison.Ordinal);
    }
}
