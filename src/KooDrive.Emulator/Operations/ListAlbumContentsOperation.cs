using System.Globalization;
using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;

namespace KooDrive.Emulator.Operations;

/// <summary>
/// GET /koodrive/ose/v1/album/{albumId}/list: the album's contents, cursor-paged, in the order they were
/// added (descending unless sortDirection is 1), with the total (ERRATA D24).
/// </summary>
internal sealed class ListAlbumContentsOperation : IOperationBehaviour
{
    private const string Ascending = "1";

    public ApiResult Handle(ApiRequest request)
    {
        var cursor = request.Query("pageCursor");
        long? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ApiResult.InvalidParameter("pageCursor is not a cursor this service returned.");
            }

            after = parsed;
        }

        var page = request.State.ListAlbumContents(
            request.UserId,
            request.Route("albumId"),
            after,
            request.Query("sortDirection") == Ascending,
            request.QueryInt("pageSize") ?? request.DefaultInt("pageSize"));
        return page is null
            ? ApiResult.NotFound()
            : ApiResult.Ok(new ListAlbumContentsResponseModel(
                [.. page.Items.Select(c => new AlbumContentModel(c.FileId, c.TakeTime is { } taken ? Timestamps.Format(taken) : null, c.OwnerId))],
                page.NextCursor,
                page.Total,
                ServiceCodes.Success,
                "Success."));
    }
}
