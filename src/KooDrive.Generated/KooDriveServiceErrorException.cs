using KooDrive.Generated.Errors;

namespace KooDrive.Generated;

/// <summary>
/// HTTP 200 whose envelope carries a non-zero <c>code</c>: the service refused the operation although the HTTP exchange succeeded.
/// </summary>
public sealed class KooDriveServiceErrorException : KooDriveApiException
{
    internal KooDriveServiceErrorException(FailedResponse failure)
        : base(failure)
    {
    }
}
