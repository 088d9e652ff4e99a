using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Operations;

/// <summary>
/// POST /koodrive/ose/v1/album/create: a collection (type 1) or manual (type 2), personal (kind 1) or
/// shared (kind 2) album; the spec's conditional requirements are checked with its schema (ERRATA E28, D24).
/// </summary>
internal sealed class CreateAlbumOperation : IOperationBehaviour
{
    public ApiResult Handle(ApiRequest request)
    {
        if (!request.TryReadValidJson<CreateAlbumRequestModel>(out var body, out var error))
        {
            return error;
        }

        var manual = body.Type == AlbumTypes.Manual;
        if (manual && (body.ScopeDir is not null || body.ScopeParentFolderId is not null || body.ScopeKind is not null))
        {
            return ApiResult.InvalidParameter("scopeDir, scopeParentFolderId and scopeKind are for collection albums (type 1).");
        }

        var album = request.State.CreateAlbum(request.UserId, new AlbumDraft(manual, body.AlbumKind!.Value, body.Name, body.GroupId, body.ScopeDir, body.ScopeParentFolderId, body.ScopeKind));
        return ApiResult.Ok(new CreateAlbumResponseModel(album.AlbumId, ServiceCodes.Success, "Success."));
    }
}
