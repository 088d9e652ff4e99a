using KooDrive.Generated.Auth;

namespace KooDrive.Generated.Configuration;

/// <summary>
/// Builds the HTTP pipeline of a KooDrive client without dependency injection.
/// </summary>
/// <remarks>
/// Handler order, outermost first: <see cref="KooDriveRedirectHandler"/> → <see cref="KooDriveHeadersHandler"/>
/// (X-Traceid, X-User-Id, language, X-Date, clock correction) → <see cref="KooDriveSigningHandler"/> or
/// <see cref="BearerTokenHandler"/> → the primary handler, whose own redirection must be off. A retry
/// (resilience) handler belongs outside all of them, so that every attempt gets a fresh X-Date and signature.
/// </remarks>
/// <example>
/// <code>
/// var options = new KooDriveClientOptions
/// {
///     UserId = "1505084218764547200",
///     AppCredential = new KooDriveAppCredential(appId, appSecret),
/// };
/// using var http = KooDriveHttpClientFactory.Create(options);
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
    /// <returns>The client, with <see cref="HttpClient.BaseAddress"/> ending in <c>/</c>.</returns>
    /// <exception cref="ArgumentException">The options are invalid, or the inner handler follows redirects itself.</exception>
    public static HttpClient Create(KooDriveClientOptions options, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var primary = innerHandler ?? CreatePrimaryHandler();
        ThrowIfFollowsRedirects(primary, nameof(innerHandler));

        var handlers = CreateHandlers(options, new KooDriveClock(options.TimeProvider));
        for (var i = 0; i < handlers.Count - 1; i++)
        {
            handlers[i].InnerHandler = handlers[i + 1];
        }

        handlers[^1].InnerHandler = primary;
        return new HttpClient(handlers[0], disposeHandler: true)
        {
            BaseAddress = WithTrailingSlash(options.BaseAddress),
        };
    }

    /// <summary>
    /// Creates the KooDrive delegating handlers, outermost first and not yet linked, for a host that
    /// composes its own pipeline (for example <c>IHttpClientFactory</c>'s <c>AddHttpMessageHandler</c>).
    /// </summary>
    /// <param name="options">The client settings; validated first.</param>
    /// <param name="clock">The server clock estimate, to be shared by every pipeline of the same service.</param>
    /// <returns>Redirect, headers and authentication handlers, in that order.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static IReadOnlyList<DelegatingHandler> CreateHandlers(KooDriveClientOptions options, KooDriveClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        var policy = new KooDriveCredentialPolicy(options.GetEffectiveAllowedHosts());
        DelegatingHandler authentication = options.AppCredential is { } credential
            ? new KooDriveSigningHandler(credential, policy)
            : new BearerTokenHandler(options.AccessTokenProvider!, policy);
        return
        [
            new KooDriveRedirectHandler(options.MaxRedirects),
            new KooDriveHeadersHandler(options.UserId!, clock, options.Language),
            authentication,
        ];
    }

    /// <summary>
    /// Creates the primary handler the SDK uses by default: automatic redirection off (the
    /// <see cref="KooDriveRedirectHandler"/> follows redirects and re-decides credentials per hop), no cookies,
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

    private static void ThrowIfFollowsRedirects(HttpMessageHandler handler, string paramName)
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
            throw new ArgumentException(
                "The primary handler must not follow redirects itself (set AllowAutoRedirect = false): the KooDrive pipeline follows them so that credentials are re-evaluated for every hop.",
                paramName);
        }
    }

    private static Uri WithTrailingSlash(Uri baseAddress) =>
        baseAddress.AbsolutePath.EndsWith('/') ? baseAddress : new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/");
}
