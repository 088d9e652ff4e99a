using System.Text.Json.Serialization;
using KooDrive.Emulator.Spec;

namespace KooDrive.Emulator.Models;

[SpecSchema("DeleteAlbumContentsRequest")]
internal sealed class DeleteAlbumContentsRequestModel
{
    public List<string?>? Ids { get; set; }
}

[SpecSchema("CreateAlbumRequest")]
internal sealed class CreateAlbumRequestModel
{
    public string? Name { get; set; }

    // The page types type and albumKind String, the list page Integer (ERRATA E26): either form is read.
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? Type { get; set; }

    public List<string>? ScopeDir { get; set; }

    public string? ScopeParentFolderId { get; set; }

    public string? ScopeKind { get; set; }

    public string? GroupId { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? AlbumKind { get; set; }

    public string? ShareFolderId { get; set; }
}

[SpecSchema("CreateAlbumResponse")]
internal sealed record CreateAlbumResponseModel(string Data, int Code, string Msg);

[SpecSchema("UpdateAlbumRequest")]
internal sealed class UpdateAlbumRequestModel
{
    public string? ScopeParentFolderId { get; set; }

    public List<string>? ScopeDirList { get; set; }

    public string? ScopeKind { get; set; }

    public string? Name { get; set; }

    public string? CoverImageUrl { get; set; }
}

[SpecSchema("AlbumItem")]
internal sealed record AlbumItemModel(string Id, string? Name, string? CoverImg, int AlbumType, int AlbumKind, IReadOnlyList<string>? ScopeDir);

[SpecSchema("ListAlbumsResponse")]
internal sealed record ListAlbumsResponseModel(IReadOnlyList<AlbumItemModel> AlbumList, int Total, int Code, string Msg);

[SpecSchema("AlbumContent")]
internal sealed record AlbumContentModel(string Id, string? TakeTime, string OwnerId);

[SpecSchema("ListAlbumContentsResponse")]
internal sealed record ListAlbumContentsResponseModel(IReadOnlyList<AlbumContentModel> ContentList, string? NextPageCursor, int Total, int Code, string Msg);

[SpecSchema("AlbumFile")]
internal sealed class AlbumFileModel
{
    public string? FileId { get; set; }

    public string? OwnerId { get; set; }
}

[SpecSchema("AddAlbumContentsRequest")]
internal sealed class AddAlbumContentsRequestModel
{
    public List<AlbumFileModel>? FileIds { get; set; }
}
