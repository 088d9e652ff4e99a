using System.Net;
using System.Text.Json.Nodes;
using KooDrive.Emulator.State;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Operations;

/// <summary>
/// CreateAlbum, UpdateAlbum, DeleteAlbum, ListAlbums, ListAlbumContents and AddAlbumContents
/// (ERRATA E26–E30, E32–E36, D22, D24, D25).
/// </summary>
public class AlbumTests : EmulatorTest
{
    private const string AlbumPath = "koodrive/ose/v1/album";

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task A_manual_personal_album_is_created_and_its_ID_answered(AuthMode mode)
    {
        var response = await Send(HttpMethod.Post, $"{AlbumPath}/create", """{"name":"Trip","type":2,"albumKind":1}""", mode: mode);

        Assert.Equal((HttpStatusCode.OK, 0, "Success."), (response.Status, response.Code, response.Msg));
        var album = Harness.Emulator.State.GetAlbum(response.Json["data"]!.GetValue<string>())!;
        Assert.Equal(("Trip", true, 1), (album.Name, album.IsManual, album.AlbumKind));
    }

    [Fact]
    public async Task A_shared_collection_album_takes_its_scope_and_the_type_as_a_string()
    {
        var response = await Send(HttpMethod.Post, $"{AlbumPath}/create", """{"type":"1","albumKind":2,"groupId":"g1","scopeDir":["d1","d2"],"scopeParentFolderId":"p1","scopeKind":"1,2"}""");

        var album = Harness.Emulator.State.GetAlbum(response.Json["data"]!.GetValue<string>())!;
        Assert.Equal((false, 2, "g1", "p1", "1,2"), (album.IsManual, album.AlbumKind, album.GroupId, album.ScopeParentFolderId, album.ScopeKind));
        Assert.Equal(["d1", "d2"], album.ScopeDir);
    }

    public static TheoryData<string, string> InvalidCreateBodies => new()
    {
        { """{"type":2,"albumKind":1}""", "name is required when type is 2" },
        { """{"type":1,"albumKind":1,"scopeParentFolderId":"p","scopeKind":"1"}""", "scopeDir is required when type is 1" },
        { """{"name":"a","type":2,"albumKind":2}""", "groupId is required when albumKind is 2" },
        { """{"name":"a","type":3,"albumKind":1}""", "type must be one of 1, 2" },
        { """{"name":"a","type":2}""", "albumKind is required" },
        { """{"type":1,"albumKind":1,"scopeDir":["d"],"scopeParentFolderId":"p","scopeKind":"3"}""", "scopeKind must match" },
        { new JsonObject { ["name"] = new string('n', SpecLimits.MaxLength("CreateAlbumRequest", "name") + 1), ["type"] = 2, ["albumKind"] = 1 }.ToJsonString(), $"name must be at most {SpecLimits.MaxLength("CreateAlbumRequest", "name")} characters" },
        { new JsonObject { ["type"] = 1, ["albumKind"] = 1, ["scopeDir"] = Strings(SpecLimits.MaxItems("CreateAlbumRequest", "scopeDir") + 1), ["scopeParentFolderId"] = "p", ["scopeKind"] = "1" }.ToJsonString(), $"scopeDir must hold at most {SpecLimits.MaxItems("CreateAlbumRequest", "scopeDir")} items" },
        { """{"name":"a","type":2,"albumKind":1,"scopeDir":["d"]}""", "are for collection albums" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreateBodies))]
    public async Task A_create_body_that_breaks_the_spec_is_refused_with_13000102(string body, string detail)
    {
        var before = Harness.Emulator.State.GetAlbums(Harness.UserId).Count;

        AssertRefusal(await Send(HttpMethod.Post, $"{AlbumPath}/create", body), 13000102, detail);
        Assert.Equal(before, Harness.Emulator.State.GetAlbums(Harness.UserId).Count);
    }

    [Fact]
    public async Task An_update_renames_an_album_at_the_path_without_the_album_segment()
    {
        var response = await Send(HttpMethod.Post, $"koodrive/ose/v1/{Harness.Seed.Album.AlbumId}/update", """{"name":"Summer 2025"}""");

        Assert.Equal((0, "Success."), (response.Code, response.Msg));
        Assert.Equal("Summer 2025", Harness.Emulator.State.GetAlbum(Harness.Seed.Album.AlbumId)!.Name);
    }

    [Fact]
    public async Task A_manual_albums_scope_cannot_be_updated()
    {
        AssertRefusal(await Send(HttpMethod.Post, $"koodrive/ose/v1/{Harness.Seed.Album.AlbumId}/update", """{"scopeKind":"1"}"""), 13000102, "collection albums only");
    }

    [Fact]
    public async Task A_collection_albums_scope_is_updated()
    {
        var album = Harness.Emulator.State.CreateAlbum(Harness.UserId, "Camera", [], isManual: false);

        await Send(HttpMethod.Post, $"koodrive/ose/v1/{album.AlbumId}/update", """{"scopeDirList":["d9"],"scopeKind":2}""");

        var updated = Harness.Emulator.State.GetAlbum(album.AlbumId)!;
        Assert.Equal(["d9"], updated.ScopeDir);
        Assert.Equal("2", updated.ScopeKind);
    }

    [Fact]
    public async Task A_deleted_album_is_gone_and_not_found_the_second_time()
    {
        var first = await Send(HttpMethod.Delete, $"{AlbumPath}/{Harness.Seed.Album.AlbumId}");
        var second = await Send(HttpMethod.Delete, $"{AlbumPath}/{Harness.Seed.Album.AlbumId}");

        Assert.Equal((0, "Success."), (first.Code, first.Msg));
        Assert.Null(Harness.Emulator.State.GetAlbum(Harness.Seed.Album.AlbumId));
        AssertRefusal(second, 13000309, "Resource not found.");
        AssertRefusal(await Send(HttpMethod.Post, $"koodrive/ose/v1/{Harness.Seed.Album.AlbumId}/update", """{"name":"x"}"""), 13000309, "Resource not found.");
    }

    [Fact]
    public async Task Albums_are_paged_by_number_newest_first_with_the_total()
    {
        const int pageSize = 3;
        var seeded = Harness.Seed.Albums.Select(a => a.AlbumId).Reverse().ToList();
        var lastPage = (seeded.Count + pageSize - 1) / pageSize;

        var pages = new List<JsonNode>();
        for (var pageNum = 1; pageNum <= lastPage + 1; pageNum++)
        {
            pages.Add((await Send(HttpMethod.Get, $"{AlbumPath}/list?albumKind=1&albumType=2&pageSize={pageSize}&pageNum={pageNum}")).Json);
        }

        Assert.Equal([.. seeded.Chunk(pageSize).Select(c => c.Length), 0], pages.Select(p => p["albumList"]!.AsArray().Count));
        Assert.All(pages, p => Assert.Equal(seeded.Count, p["total"]!.GetValue<int>()));
        Assert.Equal(seeded, pages.SelectMany(p => p["albumList"]!.AsArray()).Select(a => a!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Albums_default_to_the_specs_page_size_and_filter_by_kind_type_and_group()
    {
        var shared = Harness.Emulator.State.CreateAlbum(Harness.UserId, new AlbumDraft(true, 2, "Family", "g7", null, null, null));

        var personal = await Send(HttpMethod.Get, $"{AlbumPath}/list?albumKind=1&albumType=2");
        var sharedInGroup = await Send(HttpMethod.Get, $"{AlbumPath}/list?albumKind=2&albumType=2&groupId=g7");
        var collections = await Send(HttpMethod.Get, $"{AlbumPath}/list?albumKind=1&albumType=1");

        Assert.Equal(Harness.Seed.Albums.Count, personal.Json["albumList"]!.AsArray().Count);
        Assert.Equal([shared.AlbumId], sharedInGroup.Json["albumList"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal(0, collections.Json["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("?albumType=2", "The albumKind query parameter is required")]
    [InlineData("?albumKind=3&albumType=2", "The albumKind query parameter must be one of 1, 2")]
    public async Task Album_lists_refuse_parameters_outside_the_spec(string query, string detail)
    {
        AssertRefusal(await Send(HttpMethod.Get, $"{AlbumPath}/list{query}"), 13000102, detail);
    }

    [Fact]
    public async Task Album_lists_refuse_page_sizes_and_numbers_outside_the_specs_limits()
    {
        var maxSize = SpecLimits.Maximum("ListAlbums", "pageSize");
        var minPage = SpecLimits.Minimum("ListAlbums", "pageNum");
        var maxContents = SpecLimits.Maximum("ListAlbumContents", "pageSize");

        AssertRefusal(await Send(HttpMethod.Get, $"{AlbumPath}/list?albumKind=1&albumType=2&pageSize={maxSize + 1}"), 13000102, $"The pageSize query parameter must be at most {maxSize}");
        AssertRefusal(await Send(HttpMethod.Get, $"{AlbumPath}/list?albumKind=1&albumType=2&pageNum={minPage - 1}"), 13000102, $"The pageNum query parameter must be at least {minPage}");
        AssertRefusal(await Send(HttpMethod.Get, $"{AlbumPath}/{Harness.Seed.Album.AlbumId}/list?pageSize={maxContents + 1}"), 13000102, $"The pageSize query parameter must be at most {maxContents}");
        Assert.Equal(0, (await Send(HttpMethod.Get, $"{AlbumPath}/list?albumKind=1&albumType=2&pageSize={maxSize}&pageNum={minPage}")).Code);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("2", true)]
    [InlineData("1", false)]
    public async Task Contents_are_paged_by_cursor_to_an_empty_last_page(string? sortDirection, bool descending)
    {
        var pages = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var query = $"{AlbumPath}/{Harness.Seed.Album.AlbumId}/list?pageSize=1"
                + (sortDirection is null ? string.Empty : $"&sortDirection={sortDirection}")
                + (cursor is null ? string.Empty : $"&pageCursor={cursor}");
            var page = (await Send(HttpMethod.Get, query)).Json;
            pages.Add(page);
            cursor = page["nextPageCursor"]?.GetValue<string>();
        }
        while (cursor is not null && pages.Count < 10);

        var expected = descending ? Harness.Seed.Album.ContentIds.Reverse() : Harness.Seed.Album.ContentIds;
        Assert.Equal(SpecLimits.CursorPages(expected.Count(), 1), pages.Select(p => p["contentList"]!.AsArray().Count));
        Assert.Equal(expected, pages.SelectMany(p => p["contentList"]!.AsArray()).Select(c => c!["id"]!.GetValue<string>()));
        Assert.All(pages, p => Assert.Equal(expected.Count(), p["total"]!.GetValue<int>()));
        Assert.All(pages.SelectMany(p => p["contentList"]!.AsArray()), c => Assert.Equal(Harness.UserId, c!["ownerId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Contents_are_added_to_a_manual_album_once_each()
    {
        var existing = Harness.Seed.Album.ContentIds[0];
        var body = new JsonObject
        {
            ["fileIds"] = new JsonArray(
                new JsonObject { ["fileId"] = "FnewA", ["ownerId"] = "1505084218764547200" },
                new JsonObject { ["fileId"] = existing },
                new JsonObject { ["fileId"] = "FnewB" }),
        }.ToJsonString();

        var response = await Send(HttpMethod.Post, $"{AlbumPath}/{Harness.Seed.Album.AlbumId}/add", body);

        Assert.Equal((0, "Success."), (response.Code, response.Msg));
        Assert.Equal([.. Harness.Seed.Album.ContentIds, "FnewA", "FnewB"], Harness.Emulator.State.GetAlbum(Harness.Seed.Album.AlbumId)!.ContentIds);
    }

    [Fact]
    public async Task Contents_cannot_be_added_to_a_collection_album()
    {
        var album = Harness.Emulator.State.CreateAlbum(Harness.UserId, "Camera", [], isManual: false);

        AssertRefusal(await Send(HttpMethod.Post, $"{AlbumPath}/{album.AlbumId}/add", """{"fileIds":[{"fileId":"F1"}]}"""), 13000102, "manual album");
    }

    [Theory]
    [InlineData("""{"fileIds":[]}""", "fileIds must hold at least 1 items")]
    [InlineData("""{"fileIds":[{"ownerId":"1"}]}""", "fileIds[0].fileId is required")]
    [InlineData("""{"fileIds":[{"fileId":"F1"},null]}""", "fileIds[1] must not be null")]
    public async Task An_add_body_that_breaks_the_spec_is_refused(string body, string detail)
    {
        AssertRefusal(await Send(HttpMethod.Post, $"{AlbumPath}/{Harness.Seed.Album.AlbumId}/add", body), 13000102, detail);
    }

    [Fact]
    public async Task File_IDs_and_lists_longer_than_the_spec_allows_are_refused()
    {
        var (maxId, maxFiles) = (SpecLimits.MaxLength("AlbumFile", "fileId"), SpecLimits.MaxItems("AddAlbumContentsRequest", "fileIds"));
        var longId = new JsonObject { ["fileIds"] = new JsonArray(new JsonObject { ["fileId"] = new string('F', maxId + 1) }) }.ToJsonString();
        var tooMany = new JsonObject { ["fileIds"] = new JsonArray([.. Enumerable.Range(0, maxFiles + 1).Select(i => (JsonNode)new JsonObject { ["fileId"] = $"F{i}" })]) }.ToJsonString();
        var most = new JsonObject { ["fileIds"] = new JsonArray([.. Enumerable.Range(0, maxFiles).Select(i => (JsonNode)new JsonObject { ["fileId"] = $"F{i}".PadRight(maxId, 'x') })]) }.ToJsonString();

        AssertRefusal(await Send(HttpMethod.Post, $"{AlbumPath}/{Harness.Seed.Album.AlbumId}/add", longId), 13000102, $"fileIds[0].fileId must be at most {maxId} characters");
        AssertRefusal(await Send(HttpMethod.Post, $"{AlbumPath}/{Harness.Seed.Album.AlbumId}/add", tooMany), 13000102, $"fileIds must hold at most {maxFiles} items");
        Assert.Equal(0, (await Send(HttpMethod.Post, $"{AlbumPath}/{Harness.Seed.Album.AlbumId}/add", most)).Code);
    }

    private static JsonArray Strings(int count) => new([.. Enumerable.Range(0, count).Select(i => (JsonNode)$"d{i}")]);

    [Fact]
    public async Task The_contents_of_an_unknown_album_are_not_found()
    {
        AssertRefusal(await Send(HttpMethod.Get, $"{AlbumPath}/{Harness.Emulator.State.NewId()}/list"), 13000309, "Resource not found.");
    }
}
