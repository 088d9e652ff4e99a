using KooDrive.EndToEnd.Tests.Support;
using KooDrive.Generated;

namespace KooDrive.EndToEnd.Tests.Operations;

/// <summary>
/// The generated enumerations of the paged operations (<c>x-koodrive-paging</c>) follow the cursors and page
/// numbers to the last page against the emulator, in both authentication modes, yielding exactly what paging by
/// hand yields; the page size is checked before anything is sent, and cancellation ends the enumeration.
/// </summary>
public class PagingTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    public static TheoryData<AuthMode> Modes => [AuthMode.Bearer, AuthMode.AppSignature];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Album_contents_enumerate_across_three_pages_and_an_empty_last_page(AuthMode mode)
    {
        var album = emulator.Album(mode);
        var albumId = (await album.CreateAlbumAsync(new CreateAlbumRequest { Name = "Enumerated", Type = AlbumType.Manual, AlbumKind = AlbumKind.Personal })).Data!;
        var request = new AddAlbumContentsRequest();
        foreach (var i in Enumerable.Range(0, 9))
        {
            request.FileIds.Add(new AlbumFile { FileId = $"Fenum{i}" });
        }

        await album.AddAlbumContentsAsync(albumId, request);
        var requestsBefore = emulator.RequestsSent;

        var enumerated = await album.EnumerateAlbumContentsAsync(albumId, pageSize: 3).Select(c => c.Id).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 9).Reverse().Select(i => $"Fenum{i}"), enumerated);
        Assert.Equal(4, emulator.RequestsSent - requestsBefore); // 3 full pages, then the empty one
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Albums_enumerate_by_page_number_until_the_total_is_reached(AuthMode mode)
    {
        var album = emulator.Album(mode);
        var group = $"enumerate_{mode}";
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await album.CreateAlbumAsync(new CreateAlbumRequest { Name = $"Group {i}", Type = AlbumType.Manual, AlbumKind = AlbumKind.Shared, GroupId = group })).Data!);
        }

        var enumerated = await album.EnumerateAlbumsAsync(AlbumKind.Shared, AlbumType.Manual, group, pageSize: 3).Select(a => a.Id).ToListAsync();

        Assert.Equal(Enumerable.Reverse(created), enumerated);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Backup_records_enumerate_exactly_what_paging_by_hand_lists(AuthMode mode)
    {
        var backup = emulator.Backup(mode);
        var byHand = new List<string>();
        string? cursor = null;
        do
        {
            var page = await backup.ListBackupRecordsAsync(ModuleCode.FolderBackup, 2, cursor);
            byHand.AddRange(page.Data!.Select(r => r.RecordId!));
            cursor = page.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor));

        var enumerated = await backup.EnumerateBackupRecordsAsync(ModuleCode.FolderBackup, 2).Select(r => r.RecordId!).ToListAsync();

        Assert.True(byHand.Count >= 6, $"the seed should give several pages, got {byHand.Count} records");
        Assert.Equal(byHand, enumerated);
    }

    [Fact]
    public async Task A_page_size_outside_the_spec_is_refused_before_the_first_request()
    {
        var backup = emulator.Backup(AuthMode.Bearer);
        var requestsBefore = emulator.RequestsSent;

        var error = await Assert.ThrowsAsync<KooDriveValidationException>(async () =>
        {
            await foreach (var _ in backup.EnumerateBackupRecordsAsync(ModuleCode.FolderBackup, pageSize: 0))
            {
            }
        });

        Assert.Equal("pageSize", error.ParamName);
        Assert.Equal(requestsBefore, emulator.RequestsSent);
    }

    [Fact]
    public async Task Cancelling_between_pages_ends_the_enumeration()
    {
        var backup = emulator.Backup(AuthMode.Bearer);
        using var cancel = new CancellationTokenSource();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in backup.EnumerateBackupRecordsAsync(ModuleCode.FolderBackup, 1).WithCancellation(cancel.Token))
            {
                read++;
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(1, read);
    }
}
