using KooDrive.Emulator.Operations;

namespace KooDrive.Emulator.Api;

/// <summary>The operations the emulator serves. A spec operation missing here fails the startup check and the parity test.</summary>
internal static class ApiOperations
{
    public static IReadOnlyList<ApiOperation> All { get; } =
    [
        AddBackupScopesOperation.Definition,
        DeleteBackupScopesOperation.Definition,
        UnbindDeviceOperation.Definition,
        DeleteBackupRecordOperation.Definition,
        DeleteAlbumContentsOperation.Definition,
    ];
}
