using KooDrive.Generated.Errors;

namespace KooDrive.Generated;

/// <summary>
/// HTTP 401 Unauthorized: the caller is not authorised for the operation.
/// </summary>
public sealed class KooDriveUnauthorizedException : KooDriveApiException
{
    internal KooDriveUnauthorizedException(FailedResponse failure)
        : base(failure)
    {
    }
}
