using KooDrive.DocSync.CommandLine;
using KooDrive.DocSync.Tests.Support;

namespace KooDrive.DocSync.Tests.Checking;

/// <summary>The command line as the README documents it, run in-process.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("docsync-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Check_over_the_committed_pages_exits_0_and_marks_each_difference_with_its_erratum()
    {
        var (exit, output) = Run("check", CommittedDocs.PagesFolder);

        Assert.True(exit == DocSyncCli.Success, output);
        Assert.Contains("DeleteBackupScopes response failedScopeList type: page 'object', spec 'array of object' [acknowledged by E1]", output, StringComparison.Ordinal);
        Assert.Contains("5 page(s)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[not in the errata]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_of_a_changed_page_exits_1_and_prints_the_difference_and_its_acknowledgement_line()
    {
        var page = Path.Combine(_folder, "delete-backup-scopes.txt");
        File.WriteAllText(page, CommittedDocs.ReplaceOnce(CommittedDocs.PageText("delete-backup-scopes.txt"), "The maximum length of the set is 100.", "The maximum length of the set is 200."));

        var (exit, output) = Run("check", page);

        Assert.Equal(DocSyncCli.Different, exit);
        Assert.Contains("delete-backup-scopes.txt:151: DeleteBackupScopes body scopeIdList maxItems: page '200', spec '100' [not in the errata]", output, StringComparison.Ordinal);
        Assert.Contains("  - `DeleteBackupScopes body scopeIdList maxItems` page `200` spec `100`", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_of_a_page_the_spec_lacks_exits_1_and_points_to_propose()
    {
        var page = Path.Combine(_folder, "lock.txt");
        File.WriteAllText(page, CommittedDocs.ReplaceOnce(CommittedDocs.PageText("unbind-device.txt"), "DELETE /koodrive/ose/v1/backup/device/{deviceId}\n", "POST /koodrive/ose/v1/zz/probe\n"));

        var (exit, output) = Run("check", page);

        Assert.Equal(DocSyncCli.Different, exit);
        Assert.Contains("POST /koodrive/ose/v1/zz/probe (\"Unbind Devices\") is not an operation of the spec; `propose", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_prints_a_fragment()
    {
        var (exit, output) = Run("propose", CommittedDocs.PageFile("delete-backup-record.txt"));

        Assert.Equal(DocSyncCli.Success, exit);
        Assert.Contains("  /koodrive/ose/v1/backup/record/{recordId}:", output.Replace("'", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("        - name: x-backup-lock-id", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("check")]
    [InlineData("propose", "a.txt", "b.txt")]
    [InlineData("check", "--unknown", "x")]
    [InlineData("check", "no-such-page.txt")]
    public void Bad_arguments_exit_2(params string[] args)
    {
        Assert.Equal(DocSyncCli.Failure, Run(args).Exit);
    }

    private static (int Exit, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DocSyncCli.Run(args, output, error);
        return (exit, output + error.ToString());
    }
}
