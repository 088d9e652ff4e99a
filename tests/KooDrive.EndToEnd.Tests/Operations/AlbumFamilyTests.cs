using KooDrive.EndToEnd.Tests.Support;
using KooDrive.Generated;

namespace KooDrive.EndToEnd.Tests.Operations;

/// <summary>The album operations through the generated client, in both authentication modes, against one emulator.</summary>
public class AlbumFamilyTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    public static TheoryData<AuthMode> Modes => [AuthMode.Bearer, AuthMode.AppSignature];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task An_album_is_created_renamed_filled_listed_and_deleted(AuthMode mode)
    {
        var album = emulator.Album(mode);
        var group = $"family_{mode}";

        var albumId = (await album.CreateAlbumAsync(new CreateAlbumRequest { Name = "Trip", Type = AlbumType.Manual, AlbumKind = AlbumKind.Shared, GroupId = group })).Data!;
        var renamed = await album.UpdateAlbumAsync(albumId, new UpdateAlbumRequest { Name = "Trip 2025" });
        var added = await album.AddAlbumContentsAsync(albumId, new AddAlbumContentsRequest
        {
            FileIds = { new AlbumFile { FileId = "Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW", OwnerId = emulator.UserId }, new AlbumFile { FileId = "Fk-iQUW1a2ZkoUMvqKENGyYuX6bjvWUiZ" } },
        });
        var contents = await album.ListAlbumContentsAsync(albumId, sortDirection: SortDirection.Ascending);
        var listed = await album.ListAlbumsAsync(AlbumKind.Shared, AlbumType.Manual, group);
        var deleted = await album.DeleteAlbumAsync(albumId);
        var afterDelete = await album.ListAlbumsAsync(AlbumKind.Shared, AlbumType.Manual, group);

        Assert.Equal((0, 0, 0), (renamed.Code, added.Code, deleted.Code));
        Assert.Equal(["Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW", "Fk-iQUW1a2ZkoUMvqKENGyYuX6bjvWUiZ"], contents.ContentList!.Select(c => c.Id));
        Assert.Equal(2, contents.Total);
        var item = Assert.Single(listed.AlbumList!);
        Assert.Equal((albumId, "Trip 2025", 2, 2), (item.Id, item.Name, item.AlbumType, item.AlbumKind));
        Assert.Equal(0, afterDelete.Total);
        var missing = await Assert.ThrowsAsync<KooDriveBadRequestException>(() => album.DeleteAlbumAsync(albumId));
        Assert.Equal("13000309", missing.ServiceCode);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_collection_album_takes_a_scope_and_no_contents(AuthMode mode)
    {
        var album = emulator.Album(mode);

        var albumId = (await album.CreateAlbumAsync(new CreateAlbumRequest
        {
            Type = AlbumType.Collection,
            AlbumKind = AlbumKind.Personal,
            ScopeDir = ["dir1", "dir2"],
            ScopeParentFolderId = "parent",
            ScopeKind = "1,2",
        })).Data!;
        await album.UpdateAlbumAsync(albumId, new UpdateAlbumRequest { ScopeKind = "1" });

        Assert.Equal("1", emulator.Emulator.State.GetAlbum(albumId)!.ScopeKind);
        var refused = await Assert.ThrowsAsync<KooDriveBadRequestException>(
            () => album.AddAlbumContentsAsync(albumId, new AddAlbumContentsRequest { FileIds = { new AlbumFile { FileId = "F1" } } }));
        Assert.Equal("13000102", refused.ServiceCode);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Contents_are_paged_by_cursor_across_three_pages_to_an_empty_last_page(AuthMode mode)
    {
        var album = emulator.Album(mode);
        var albumId = (await album.CreateAlbumAsync(new CreateAlbumRequest { Name = "Many", Type = AlbumType.Manual, AlbumKind = AlbumKind.Personal })).Data!;
        var files = Enumerable.Range(0, 9).Select(i => $"Ffile{i}").ToList();
        var request = new AddAlbumContentsRequest();
        files.ForEach(f => request.FileIds.Add(new AlbumFile { FileId = f }));
        await album.AddAlbumContentsAsync(albumId, request);

        var pages = new List<ListAlbumContentsResponse>();
        string? cursor = null;
        do
        {
            pages.Add(await album.ListAlbumContentsAsync(albumId, 3, cursor));
            cursor = pages[^1].NextPageCursor;
        }
        while (!string.IsNullOrEmpty(cursor) && pages.Count < 10);

        Assert.Equal([3, 3, 3, 0], pages.Select(p => p.ContentList!.Count));
        Assert.Equal(Enumerable.Reverse(files), pages.SelectMany(p => p.ContentList!).Select(c => c.Id));
        Assert.All(pages, p => Assert.Equal(files.Count, p.Total));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Albums_are_paged_by_number_across_three_pages_to_an_empty_last_page(AuthMode mode)
    {
        var album = emulator.Album(mode);
        var group = $"paging_{mode}";
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await album.CreateAlbumAsync(new CreateAlbumRequest { Name = $"Shared {i}", Type = AlbumType.Manual, AlbumKind = AlbumKind.Shared, GroupId = group })).Data!);
        }

        var pages = new List<ListAlbumsResponse>();
        for (var pageNum = 1; pageNum <= 4; pageNum++)
        {
            pages.Add(await album.ListAlbumsAsync(AlbumKind.Shared, AlbumType.Manual, group, pageSize: 3, pageNum: pageNum));
        }

        Assert.Equal([3, 3, 1, 0], pages.Select(p => p.AlbumList!.Count));
        Assert.All(pages, p => Assert.Equal(created.Count, p.Total));
        Assert.Equal(Enumerable.Reverse(created), pages.SelectMany(p => p.AlbumList!).Select(a => a.Id));
    }
}
