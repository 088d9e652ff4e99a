using KooDrive.Generated.Auth;
using KooDrive.Generated.Http;
using KooDrive.Generated.Observability;
using KooDrive.Generated.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KooDrive.Generated.Configuration;

/// <summary>
/// The one definition of a KooDrive client's handler order, used both by <see cref="KooDriveHttpClientFactory"/>
/// and by the dependency-injection registration, so the two paths cannot drift apart. Every other document
/// refers here.
/// </summary>
/// <remarks>
/// Outermost first:
/// <list type="number">
/// <item><see cref="KooDriveCallHandler"/>, once per call: the trace ID, User-Agent and language, the check of every
/// header value, the logs and the span.</item>
/// <item>The application's <see cref="KooDrivePipelinePosition.PerCall"/> handlers.</item>
/// <item><see cref="KooDriveResilienceHandler"/>: the call's attempts (retries and timeouts, unless disabled); in
/// each, it clears the last attempt's credentials and reads the whole body.</item>
/// <item>The application's <see cref="KooDrivePipelinePosition.PerRetry"/> handlers, then (with dependency
/// injection) those added with <c>AddHttpMessageHandler</c>.</item>
/// <item><see cref="KooDriveAuthenticationHandler"/>, every attempt and redirect hop: X-User-Id, X-Date, the
/// signature or token, the clock-refusal resend, and the redirects credentials may follow.</item>
/// <item>The primary handler (transport), whose own redirection is off.</item>
/// </list>
/// Items 1 and 2 see one call; items 3 (inside its attempts) to 5 run once per attempt, so every attempt is dated
/// and signed afresh and no handler of the application sees a credential.
/// </remarks>
internal static class KooDrivePipeline
{
    /// <summary>Items 1 to 4: everything above authentication, in order.</summary>
    public static List<DelegatingHandler> CreateOuterHandlers(KooDriveClientOptions options, KooDriveClock clock, ILoggerFactory? loggerFactory)
    {
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(KooDriveTelemetry.LoggerCategoryName);
        var handlers = new List<DelegatingHandler> { new KooDriveCallHandler(logger, options.TimeProvider, options.Language) };
        AddApplicationHandlers(handlers, options, KooDrivePipelinePosition.PerCall);
        var resilience = options.Resilience;
        var pipeline = resilience.Enabled ? new KooDriveResiliencePipeline(resilience, clock, options.TimeProvider, logger) : null;
        handlers.Add(new KooDriveResilienceHandler(pipeline, clock));
        AddApplicationHandlers(handlers, options, KooDrivePipelinePosition.PerRetry);
        return handlers;
    }

    /// <summary>Item 5: authentication (with redirects), directly above the transport.</summary>
    public static List<DelegatingHandler> CreateInnerHandlers(KooDriveClientOptions options, KooDriveClock clock) =>
        [new KooDriveAuthenticationHandler(options, new KooDriveCredentialPolicy(options.GetEffectiveAllowedHosts()), clock)];

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

    private static void AddApplicationHandlers(List<DelegatingHandler> handlers, KooDriveClientOptions options, KooDrivePipelinePosition position)
    {
        foreach (var (create, at) in options.Handlers)
        {
            if (at == position)
            {
                handlers.Add(create() ?? throw new InvalidOperationException($"A handler factory passed to KooDriveClientOptions.AddHandler returned null ({position})."));
            }
        }
    }
}
