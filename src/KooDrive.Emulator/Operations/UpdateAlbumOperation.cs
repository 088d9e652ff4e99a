using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>POST /koodrive/ose/v1/{albumId}/update: renames any album; changes the scope of collection albums only (ERRATA D24).</summary>
internal sealed class UpdateAlbumOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        if (!request.TryReadValidJson<UpdateAlbumRequestModel>(out var body, out var error))
        {
            return error;
        }

        var change = new AlbumDraft(false, 0, body.Name, null, body.ScopeDirList, body.ScopeParentFolderId, body.ScopeKind);
        return request.State.UpdateAlbum(request.UserId, request.Route("albumId"), change) switch
        {
            AlbumChange.Done => ApiResult.Success("Success."),
            AlbumChange.NotCollection => ApiResult.InvalidParameter("scopeDirList, scopeParentFolderId and scopeKind apply to collection albums only."),
            _ => ApiResult.NotFound(),
        };
    }
}
