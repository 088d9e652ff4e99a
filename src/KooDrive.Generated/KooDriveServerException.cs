using KooDrive.Generated.Errors;

namespace KooDrive.Generated;

/// <summary>
/// HTTP 5xx: the service or a gateway in front of it failed. The body may be an HTML page; <see cref="KooDriveApiException.BodyExcerpt"/> keeps its start.
/// </summary>
public sealed class KooDriveServerException : KooDriveApiException
{
    internal KooDriveServerException(FailedResponse failure)
        : base(failure)
    {
    }
}
