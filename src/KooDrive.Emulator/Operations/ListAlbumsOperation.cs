using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>GET /koodrive/ose/v1/album/list: the user's albums of a kind and type, newest first, by page number, with the total (ERRATA D24).</summary>
internal sealed class ListAlbumsOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        // The spec's defaults apply when a paging parameter is omitted.
        var (page, total) = request.State.ListAlbums(
            request.UserId,
            request.QueryInt("albumKind")!.Value,
            request.QueryInt("albumType") == AlbumTypes.Manual,
            request.Query("groupId"),
            request.QueryInt("pageSize") ?? request.DefaultInt("pageSize"),
            request.QueryInt("pageNum") ?? request.DefaultInt("pageNum"));
        return ApiResult.Ok(new ListAlbumsResponseModel(
            [.. page.Select(a => new AlbumItemModel(
                a.AlbumId,
                a.IsManual ? a.Name : null,
                a.IsManual && a.ContentIds.Count > 0 ? $"thumbnail/{a.ContentIds[0]}" : null,
                a.IsManual ? AlbumTypes.Manual : AlbumTypes.Collection,
                a.AlbumKind,
                a.IsManual ? null : a.ScopeDir))],
            total,
            ServiceCodes.Success,
            "Success."));
    }
}
