using System.Net;
using System.Text.Json.Nodes;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Operations;

public class DeleteAlbumContentsTests : EmulatorTest
{
    private string AlbumPath => $"koodrive/ose/v1/{Harness.Seed.Album.AlbumId}/batchDelete";

    [Theory]
    [InlineData(AuthMode.Bearer)]
    [InlineData(AuthMode.AppSignature)]
    public async Task Removes_the_listed_contents_and_ignores_IDs_not_in_the_album(AuthMode mode)
    {
        var contents = Harness.Seed.Album.ContentIds;
        var body = new JsonObject { ["ids"] = new JsonArray(contents[0], "Fk-iQUW1a2ZkoUMvqKENGyYuX6bjvWUiZ", contents[2], contents[0]) }.ToJsonString();

        var response = await EmulatorHarness.SendAsync(Harness.Client(mode), HttpMethod.Delete, AlbumPath, body);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Code);
        Assert.Equal("Success.", response.Msg);
        Assert.Equal([contents[1]], Harness.Emulator.State.GetAlbum(Harness.Seed.Album.AlbumId)!.ContentIds);
    }

    [Fact]
    public async Task A_58_character_trace_ID_is_accepted_and_echoed()
    {
        var traceId = new string('a', 58);

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, AlbumPath, """{"ids":["x"]}""", r => r.Headers.Add("X-Traceid", traceId));

        Assert.Equal(0, response.Code);
        Assert.Equal(traceId, response.Message.Headers.GetValues("X-Traceid").Single());
    }

    [Fact]
    public async Task A_trace_ID_of_another_length_is_refused()
    {
        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, AlbumPath, """{"ids":["x"]}""", r => r.Headers.Add("X-Traceid", "short"));

        Assert.Equal(13000102, response.Code);
        Assert.Contains("58", response.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collection_album_refuses_removal()
    {
        var album = Harness.Emulator.State.CreateAlbum(Harness.UserId, "Camera", ["F1"], isManual: false);

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, $"koodrive/ose/v1/{album.AlbumId}/batchDelete", """{"ids":["F1"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(13000102, response.Code);
        Assert.Equal(["F1"], Harness.Emulator.State.GetAlbum(album.AlbumId)!.ContentIds);
    }

    [Fact]
    public async Task An_unknown_or_foreign_album_is_not_found()
    {
        Harness.Emulator.State.AddUser("1000000000000000005");
        var foreign = Harness.Emulator.State.CreateAlbum("1000000000000000005", "Theirs", ["F1"]);

        var unknown = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, $"koodrive/ose/v1/{Harness.Emulator.State.NewId()}/batchDelete", """{"ids":["F1"]}""");
        var theirs = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, $"koodrive/ose/v1/{foreign.AlbumId}/batchDelete", """{"ids":["F1"]}""");

        Assert.Equal(13000309, unknown.Code);
        Assert.Equal(13000309, theirs.Code);
        Assert.Equal(["F1"], Harness.Emulator.State.GetAlbum(foreign.AlbumId)!.ContentIds);
    }

    [Theory]
    [InlineData("""{"ids":[]}""")]
    [InlineData("""{"ids":[""]}""")]
    [InlineData("""{"ids":[null]}""")]
    [InlineData("""{}""")]
    public async Task An_empty_or_blank_ID_list_is_refused(string body)
    {
        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, AlbumPath, body);

        Assert.Equal(13000102, response.Code);
        Assert.Equal(3, Harness.Emulator.State.GetAlbum(Harness.Seed.Album.AlbumId)!.ContentIds.Count);
    }

    [Fact]
    public async Task As_many_IDs_as_the_spec_allows_are_accepted_and_one_more_refused()
    {
        var max = SpecLimits.MaxItems("DeleteAlbumContentsRequest", "ids");
        static string Body(int count) => new JsonObject { ["ids"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)$"F{i}")]) }.ToJsonString();
        var client = Harness.Client(AuthMode.Bearer);

        var thousand = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, AlbumPath, Body(max));
        var tooMany = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, AlbumPath, Body(max + 1));

        Assert.Equal(0, thousand.Code);
        Assert.Equal(13000102, tooMany.Code);
    }
}
