using KooDrive.Generated.Auth;
using KooDrive.Generated.Observability;
using KooDrive.Generated.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KooDrive.Generated.Configuration;

/// <summary>
/// The one definition of a KooDrive client's handlers, used both by <see cref="KooDriveHttpClientFactory"/>
/// and by the dependency-injection registration, so the two paths cannot drift apart.
/// </summary>
/// <remarks>
/// Outermost first: diagnostics (span, logs, trace ID) → User-Agent → resilience (retry and timeouts)
/// ‖ response buffering (so the timeouts cover the body) → redirect → headers (X-Date, X-User-Id, X-Traceid) → authentication → primary handler. The outer part
/// sees one call; the inner part runs once per attempt, so every attempt is dated and signed afresh.
/// With <c>IHttpClientFactory</c>, handlers a consumer adds go between the two parts.
/// </remarks>
internal static class KooDrivePipeline
{
    /// <summary>
    /// The per-call handlers (diagnostics, User-Agent and, when enabled, resilience), then the outermost
    /// per-attempt one, response buffering, which must sit directly inside the resilience handler.
    /// </summary>
    public static List<DelegatingHandler> CreateOuterHandlers(KooDriveClientOptions options, KooDriveClock clock, ILoggerFactory? loggerFactory)
    {
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(KooDriveTelemetry.LoggerCategoryName);
        var handlers = new List<DelegatingHandler>
        {
            new KooDriveDiagnosticsHandler(logger, options.TimeProvider),
            new KooDriveUserAgentHandler(),
        };
        if (options.Resilience.Enabled)
        {
            handlers.Add(KooDriveResiliencePipeline.CreateHandler(options.Resilience, clock, options.TimeProvider, logger));
        }

        handlers.Add(new KooDriveResponseBufferingHandler(clock));
        return handlers;
    }

    /// <summary>The per-attempt handlers: redirect, headers and authentication.</summary>
    public static List<DelegatingHandler> CreateInnerHandlers(KooDriveClientOptions options, KooDriveClock clock)
    {
        var policy = new KooDriveCredentialPolicy(options.GetEffectiveAllowedHosts());
        DelegatingHandler authentication = options.AppCredential is { } credential
            ? new KooDriveSigningHandler(credential, policy)
            : new BearerTokenHandler(options.AccessTokenProvider!, policy);
        return
        [
            new KooDriveRedirectHandler(policy, options.MaxRedirects),
            new KooDriveHeadersHandler(options.UserId!, clock, options.Language),
            authentication,
        ];
    }

    /// <summary>The client's timeout: unlimited when the resilience pipeline enforces its own, else HttpClient's default.</summary>
    public static TimeSpan GetHttpClientTimeout(KooDriveClientOptions options) =>
        options.Resilience.Enabled ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(100);

    public static Uri WithTrailingSlash(Uri baseAddress) =>
        baseAddress.AbsolutePath.EndsWith('/') ? baseAddress : new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/");

    /// <summary>Throws when the transport would follow redirects itself, bypassing the per-hop credential decision.</summary>
    public static void ThrowIfFollowsRedirects(HttpMessageHandler handler, Func<string, Exception> createException)
    {
        var current = handler;
        while (current is DelegatingHandler { InnerHandler: { } inner })
        {
            current = inner;
        }

        var followsRedirects = current switch
        {
            SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
            HttpClientHandler client => client.AllowAutoRedirect,
            _ => false,
        };
        if (followsRedirects)
        {
            throw createException(
                "The primary handler must not follow redirects itself (set AllowAutoRedirect = false): the KooDrive pipeline follows them so that credentials are re-evaluated for every hop.");
        }
    }
}
