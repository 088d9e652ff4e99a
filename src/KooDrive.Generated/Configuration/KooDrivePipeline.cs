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
/// <item><see cref="KooDriveDiagnosticsHandler"/>: the call's trace ID, logs and span.</item>
/// <item><see cref="KooDriveRequestHeadersHandler"/>: User-Agent, language, the check of every header value.</item>
/// <item>The application's <see cref="KooDrivePipelinePosition.PerCall"/> handlers.</item>
/// <item>Resilience (retries and timeouts), unless disabled.</item>
/// <item><see cref="KooDriveResponseBufferingHandler"/>: the first handler of every attempt; reads the whole body inside it.</item>
/// <item>The application's <see cref="KooDrivePipelinePosition.PerRetry"/> handlers, then (with dependency
/// injection) those added with <c>AddHttpMessageHandler</c>.</item>
/// <item><see cref="KooDriveRedirectHandler"/>: follows redirects only where credentials may go.</item>
/// <item><see cref="KooDriveAuthenticationHandler"/>: X-User-Id, X-Date, the signature or token, the clock-refusal resend.</item>
/// <item>The primary handler (transport), whose own redirection is off.</item>
/// </list>
/// Items 1–4 see one call; items 5–8 run once per attempt, so every attempt is dated and signed afresh and no
/// handler of the application sees a credential.
/// </remarks>
internal static class KooDrivePipeline
{
    /// <summary>Items 1 to 6: everything above the redirect handler, in order.</summary>
    public static List<DelegatingHandler> CreateOuterHandlers(KooDriveClientOptions options, KooDriveClock clock, ILoggerFactory? loggerFactory)
    {
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(KooDriveTelemetry.LoggerCategoryName);
        var handlers = new List<DelegatingHandler>
        {
            new KooDriveDiagnosticsHandler(logger, options.TimeProvider),
            new KooDriveRequestHeadersHandler(options.Language),
        };
        AddApplicationHandlers(handlers, options, KooDrivePipelinePosition.PerCall);
        if (options.Resilience.Enabled)
        {
            handlers.Add(KooDriveResiliencePipeline.CreateHandler(options.Resilience, clock, options.TimeProvider, logger));
        }

        handlers.Add(new KooDriveResponseBufferingHandler(clock));
        AddApplicationHandlers(handlers, options, KooDrivePipelinePosition.PerRetry);
        return handlers;
    }

    /// <summary>Items 7 and 8: redirects and authentication, directly above the transport.</summary>
    public static List<DelegatingHandler> CreateInnerHandlers(KooDriveClientOptions options, KooDriveClock clock)
    {
        var policy = new KooDriveCredentialPolicy(options.GetEffectiveAllowedHosts());
        return
        [
            new KooDriveRedirectHandler(policy, options.MaxRedirects),
            new KooDriveAuthenticationHandler(options, policy, clock),
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
