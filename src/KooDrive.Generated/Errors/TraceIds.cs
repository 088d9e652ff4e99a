using System.Net.Http.Headers;

namespace KooDrive.Generated.Errors;

/// <summary>Finds the <c>X-Traceid</c> of a call, for exceptions.</summary>
internal static class TraceIds
{
    public const string HeaderName = "X-Traceid";

    /// <summary>The trace ID the request carried; the pipeline's handler sets it on the request message.</summary>
    public static string? FromRequest(HttpRequestMessage? request) =>
        request is not null && request.Headers.NonValidated.TryGetValues(HeaderName, out var values) ? First(values) : null;

    /// <summary>A trace ID the response echoed, if the service or a gateway sent one.</summary>
    public static string? FromHeaders(IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        foreach (var (name, values) in headers)
        {
            if (string.Equals(name, HeaderName, StringComparison.OrdinalIgnoreCase))
            {
                return values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
            }
        }

        return null;
    }

    private static string? First(HeaderStringValues values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }
}
