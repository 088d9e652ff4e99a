using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>POST /koodrive/ose/v1/album/{albumId}/add: adds files to a manual album; files already in it are ignored (ERRATA D24).</summary>
internal sealed class AddAlbumContentsOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        if (!request.TryReadValidJson<AddAlbumContentsRequestModel>(out var body, out var error))
        {
            return error;
        }

        var files = body.FileIds!.Select(f => (f.FileId!, f.OwnerId)).ToList();
        return request.State.AddAlbumContents(request.UserId, request.Route("albumId"), files) switch
        {
            ContentChange.Done => ApiResult.Success("Success."),
            ContentChange.NotManual => ApiResult.InvalidParameter("Contents can only be added to a manual album."),
            _ => ApiResult.NotFound(),
        };
    }
}
