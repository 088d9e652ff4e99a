using KooDrive.Generated.Errors;

namespace KooDrive.Generated;

/// <summary>
/// HTTP 400 Bad Request. KooDrive answers 400 both when authentication fails (bad token, signature, <c>X-Date</c> or <c>X-User-Id</c>) and when a parameter is refused (for example code 13000102); <see cref="KooDriveApiException.ServiceCode"/> tells them apart.
/// </summary>
public sealed class KooDriveBadRequestException : KooDriveApiException
{
    internal KooDriveBadRequestException(FailedResponse failure)
        : base(failure)
    {
    }
}
