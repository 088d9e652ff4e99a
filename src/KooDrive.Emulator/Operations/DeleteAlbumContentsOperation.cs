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
    public ApiResult Handle(ApiRequest request)
    {
        if (!request.TryReadValidJson<DeleteAlbumContentsRequestModel>(out var body, out var error))
        {
            return error;
        }

        return request.State.RemoveAlbumContents(request.UserId, request.Route("albumId"), body.Ids!) switch
        {
            ContentChange.Done => ApiResult.Ok(new KooDriveResultModel(ServiceCodes.Success, "Success.")),
            ContentChange.NotManual => ApiResult.InvalidParameter("Contents can only be removed from a manual album."),
            _ => ApiResult.NotFound(),
        };
    }
}
