namespace KooDrive.Emulator.Faults;

/// <summary>What an injected fault does to a request.</summary>
public enum EmulatorFaultKind
{
    /// <summary>A 5xx answer with the service's <c>{code: 13000201, msg}</c> envelope, before authentication.</summary>
    ServerError,

    /// <summary>HTTP 429 from the gateway with an optional <c>Retry-After</c> (seconds or HTTP-date), before authentication.</summary>
    TooManyRequests,

    /// <summary>Waits, then handles the request normally.</summary>
    Delay,

    /// <summary>Drops the connection without an answer (<c>HttpContext.Abort()</c>).</summary>
    ConnectionAbort,

    /// <summary>Handles the request, then sends only the first half of the JSON body (with a matching Content-Length).</summary>
    TruncatedJson,

    /// <summary>A proxy's HTML error page instead of JSON, before authentication.</summary>
    HtmlErrorPage,

    /// <summary>Handles the request, then writes every ID in the body as a JSON number instead of a string.</summary>
    IdsAsNumbers,

    /// <summary>Handles the request, then writes <c>failedScopeList</c> as one object (its first entry) instead of an array, as the delete-scopes table documents it.</summary>
    FailedScopeListAsObject,
}
