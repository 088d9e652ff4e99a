using System.Text.RegularExpressions;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Spec;

/// <summary>
/// An operation added to the spec is generated without anyone touching the SDK, so nothing else would notice
/// that no test ever calls it. This names every spec operation that no emulator test and no end-to-end test calls.
/// </summary>
public class OperationCoverageTests
{
    [Fact]
    public void Every_spec_operation_is_called_by_an_emulator_test_or_an_end_to_end_test()
    {
        var emulatorTests = Path.Combine(RepoPaths.Root, "tests", "KooDrive.Emulator.Tests");
        var endToEndTests = Path.Combine(RepoPaths.Root, "tests", "KooDrive.EndToEnd.Tests");
        var endToEndSource = string.Join('\n', Directory.EnumerateFiles(endToEndTests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var emulatorFiles = Directory.EnumerateFiles(emulatorTests, "*Tests.cs", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.Ordinal);

        var uncovered = new List<string>();
        foreach (var (_, _, operation, _) in SpecModel.Operations(SpecDocument.Document))
        {
            var id = operation.OperationId!;
            var calledEndToEnd = Regex.IsMatch(endToEndSource, $@"\.{Regex.Escape(id)}Async\(");
            if (!calledEndToEnd && !emulatorFiles.Contains(id + "Tests"))
            {
                uncovered.Add($"{id}: no test calls it. Add tests/KooDrive.Emulator.Tests/Operations/{id}Tests.cs for its emulator behaviour, "
                    + $"and call {id}Async in tests/KooDrive.EndToEnd.Tests/Operations/ in both authentication modes.");
            }
        }

        Assert.True(uncovered.Count == 0, string.Join('\n', uncovered));
    }
}
