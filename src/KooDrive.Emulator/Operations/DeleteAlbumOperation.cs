using KooDrive.Emulator.Api;

namespace KooDrive.Emulator.Operations;

/// <summary>DELETE /koodrive/ose/v1/album/{albumId}: forgets the album and its content list (the files stay).</summary>
internal sealed class DeleteAlbumOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request) =>
        request.State.DeleteAlbum(request.UserId, request.Route("albumId")) ? ApiResult.Success("Success.") : ApiResult.NotFound();
}
