using System.Net;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Clients;

/// <summary>The generated enumerations of paged operations against a canned service.</summary>
public class PagingTests
{
    [Fact]
    public async Task A_cursor_that_does_not_advance_stops_the_enumeration_instead_of_asking_for_the_same_page_forever()
    {
        var handler = StubHandler.Answer(HttpStatusCode.OK, """{"code":0,"msg":"success","data":[],"nextCursor":"same"}""");
        var backup = TestClients.Backup(handler);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in backup.EnumerateBackupRecordsAsync(ModuleCode.FolderBackup, 10))
            {
            }
        });

        Assert.Contains("ListBackupRecords", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
        Assert.DoesNotContain("cursor=", handler.Requests[0].Uri.Query, StringComparison.Ordinal);
        Assert.Contains("cursor=same", handler.Requests[1].Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_requested_until_the_caller_enumerates()
    {
        var handler = StubHandler.FailIfCalled();

        var items = TestClients.Backup(handler).EnumerateBackupRecordsAsync(ModuleCode.FolderBackup, 10);

        Assert.NotNull(items);
        Assert.Empty(handler.Requests);
        await Task.CompletedTask;
    }
}
