using KooDrive.Generated.Auth;
using KooDrive.Generated.Observability;
using KooDrive.Generated.Resilience;
using Microsoft.Extensions.Logging;

namespace KooDrive.Generated.Configuration;

/// <summary>
/// Builds the HTTP pipeline of a KooDrive client without dependency injection. It is the same pipeline
/// <c>services.AddKooDriveClient(...)</c> builds: same handlers, same order, same validation, including the
/// application's handlers added with <see cref="KooDriveClientOptions.AddHandler"/>.
/// </summary>
/// <example>
/// <code>
/// var options = new KooDriveClientOptions
/// {
///     UserId = "1505084218764547200",
///     AppCredential = new KooDriveAppCredential(appId, appSecret),
/// };
/// using var http = KooDriveHttpClientFactory.Create(options, loggerFactory: myLoggerFactory);
/// var backup = new BackupClient(http);
/// </code>
/// </example>
public static class KooDriveHttpClientFactory
{
    /// <summary>Creates an <see cref="HttpClient"/> whose base address and handlers follow <paramref name="options"/>.</summary>
    /// <param name="options">The client settings; validated first.</param>
    /// <param name="innerHandler">
    /// The primary handler (transport), or null for <see cref="CreatePrimaryHandler"/>. A test may pass a
    /// recording handler. An <see cref="HttpClientHandler"/> or <see cref="SocketsHttpHandler"/> must have
    /// automatic redirection off. The returned client owns and disposes it.
    /// </param>
    /// <param name="loggerFactory">Where the SDK logs (category <see cref="KooDriveTelemetry.LoggerCategoryName"/>); nothing is logged when null.</param>
    /// <returns>
    /// The client, with <see cref="HttpClient.BaseAddress"/> ending in <c>/</c>. Its <see cref="HttpClient.Timeout"/>
    /// is infinite when resilience is enabled (the pipeline's <see cref="KooDriveResilienceOptions.TotalTimeout"/>
    /// applies instead), otherwise HttpClient's default of 100 seconds.
    /// </returns>
    /// <exception cref="ArgumentException">The options are invalid, or the inner handler follows redirects itself.</exception>
    public static HttpClient Create(KooDriveClientOptions options, HttpMessageHandler? innerHandler = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handlers = CreateHandlers(options, new KooDriveClock(options.TimeProvider), loggerFactory);
        var primary = innerHandler ?? CreatePrimaryHandler();
        KooDrivePipeline.ThrowIfFollowsRedirects(primary, message => new ArgumentException(message, nameof(innerHandler)));

        for (var i = 0; i < handlers.Count - 1; i++)
        {
            handlers[i].InnerHandler = handlers[i + 1];
        }

        handlers[^1].InnerHandler = primary;
        return new HttpClient(handlers[0], disposeHandler: true)
        {
            BaseAddress = KooDrivePipeline.WithTrailingSlash(options.BaseAddress),
            Timeout = KooDrivePipeline.GetHttpClientTimeout(options),
        };
    }

    /// <summary>All the delegating handlers, outermost first and not yet linked (<see cref="KooDrivePipeline"/>).</summary>
    internal static IReadOnlyList<DelegatingHandler> CreateHandlers(KooDriveClientOptions options, KooDriveClock clock, ILoggerFactory? loggerFactory = null)
    {
        options.Validate();
        return [.. KooDrivePipeline.CreateOuterHandlers(options, clock, loggerFactory), .. KooDrivePipeline.CreateInnerHandlers(options, clock)];
    }

    /// <summary>
    /// Creates the primary handler the SDK uses by default: automatic redirection off (the pipeline follows
    /// redirects itself and re-decides credentials per hop), no cookies,
    /// pooled connections recycled every 2 minutes so DNS changes are seen.
    /// </summary>
    /// <returns>A new <see cref="SocketsHttpHandler"/>.</returns>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };
}
