using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>
/// DELETE /koodrive/ose/v1/{albumId}/batchDelete: removes contents from a manual album. IDs not in the
/// album are ignored (the documented answer has no per-item report).
/// </summary>
internal sealed class DeleteAlbumContentsOperation : IOperationBehaviour
{
    public const int MaxIds = 1000;

    public ApiResult Handle(ApiRequest request)
    {
        if (!request.TryReadJson<DeleteAlbumContentsRequestModel>(out var body, out var error))
        {
            return error;
        }

        if (body.Ids is not { Count: >= 1 and <= MaxIds })
        {
            return ApiResult.InvalidParameter($"ids must hold 1 to {MaxIds} content IDs.");
        }

        if (body.Ids.Any(string.IsNullOrEmpty))
        {
            return ApiResult.InvalidParameter("ids must not contain null or empty IDs.");
        }

        return request.State.RemoveAlbumContents(request.UserId, request.Route("albumId"), body.Ids!) switch
        {
            ContentChange.Done => ApiResult.Ok(new KooDriveResultModel(ServiceCodes.Success, "Success.")),
            ContentChange.NotManual => ApiResult.InvalidParameter("Contents can only be removed from a manual album."),
            _ => ApiResult.NotFound(),
        };
    }
}
