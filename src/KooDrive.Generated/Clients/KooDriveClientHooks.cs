using KooDrive.Generated.Errors;

namespace KooDrive.Generated.Clients;

/// <summary>
/// What every generated client does in its hooks; each client's partial class forwards here, because a
/// partial method can only be implemented per class.
/// </summary>
internal static class KooDriveClientHooks
{
    /// <summary>After the headers arrive: throws the typed exception for anything but a readable success.</summary>
    public static Task ProcessAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ResponseInspector.InspectAsync(response, cancellationToken);
}
