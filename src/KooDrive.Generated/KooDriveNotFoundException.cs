using KooDrive.Generated.Errors;

namespace KooDrive.Generated;

/// <summary>
/// HTTP 404 Not Found.
/// </summary>
public sealed class KooDriveNotFoundException : KooDriveApiException
{
    internal KooDriveNotFoundException(FailedResponse failure)
        : base(failure)
    {
    }
}
