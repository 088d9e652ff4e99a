using KooDrive.Generated.Auth;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace KooDrive.Generated.DependencyInjection;

/// <summary>
/// Makes IHttpClientFactory's logging of the KooDrive client always redact the headers that carry credentials
/// or act like them, whatever the consumer configured (e.g. <c>RedactLoggedHeaders(["Cookie"])</c> on all clients).
/// </summary>
/// <remarks>
/// The consumer's own rule still applies to every other header. Applied as a post-configuration and again by
/// <see cref="KooDriveHandlerBuilderFilter"/> on the options instance the logging handlers read, so that a
/// post-configuration registered after this one cannot undo it either.
/// </remarks>
internal sealed class KooDriveLogRedaction : IPostConfigureOptions<HttpClientFactoryOptions>
{
    /// <summary>
    /// Headers never logged in clear: credentials, the lock ID that authorises deleting a record, and
    /// <c>X-Date</c>, which together with a logged signature would let a reader replay or test guesses against it.
    /// </summary>
    private static readonly HashSet<string> AlwaysRedacted = new(StringComparer.OrdinalIgnoreCase)
    {
        KooDriveHeaderNames.Authorization,
        KooDriveHeaderNames.Date,
        "Proxy-Authorization",
        KooDriveHeaderNames.BackupLockId,
    };

    public static bool IsAlwaysRedacted(string headerName) => AlwaysRedacted.Contains(headerName);

    public void PostConfigure(string? name, HttpClientFactoryOptions options)
    {
        if (string.Equals(name, KooDriveServiceCollectionExtensions.HttpClientName, StringComparison.Ordinal))
        {
            Apply(options);
        }
    }

    /// <summary>Composes the rule into <paramref name="options"/>; applying it twice changes nothing.</summary>
    public static void Apply(HttpClientFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ShouldRedactHeaderValue.Target is not Rule)
        {
            options.ShouldRedactHeaderValue = new Rule(options.ShouldRedactHeaderValue).ShouldRedact;
        }
    }

    private sealed class Rule(Func<string, bool> consumerRule)
    {
        public bool ShouldRedact(string headerName) => IsAlwaysRedacted(headerName) || consumerRule(headerName);
    }
}
