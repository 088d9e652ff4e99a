using KooDrive.Emulator.Spec;

namespace KooDrive.Emulator.Models;

[SpecSchema("DeleteAlbumContentsRequest")]
internal sealed class DeleteAlbumContentsRequestModel
{
    public List<string?>? Ids { get; set; }
}
