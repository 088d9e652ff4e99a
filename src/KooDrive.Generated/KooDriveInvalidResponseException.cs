using KooDrive.Generated.Errors;

namespace KooDrive.Generated;

/// <summary>
/// A response the SDK cannot read as the documented JSON: an empty body, an HTML page, truncated or malformed JSON, no <c>code</c>, or a value the spec does not allow (for example an ID whose digits were rounded). The parse error, if any, is the inner exception.
/// </summary>
public sealed class KooDriveInvalidResponseException : KooDriveApiException
{
    internal KooDriveInvalidResponseException(FailedResponse failure)
        : base(failure)
    {
    }
}
