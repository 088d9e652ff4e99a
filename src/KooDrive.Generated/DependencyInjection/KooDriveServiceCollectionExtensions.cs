using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KooDrive.Generated.DependencyInjection;

/// <summary>Registers the KooDrive clients (<see cref="IBackupClient"/>, <see cref="IAlbumClient"/>) with dependency injection.</summary>
/// <remarks>
/// <para>
/// Both typed clients share one named <see cref="HttpClient"/>, <see cref="HttpClientName"/>, created by
/// <c>IHttpClientFactory</c>. Its pipeline is the one <see cref="KooDriveHttpClientFactory.Create"/> builds,
/// handlers from <see cref="KooDriveClientOptions.AddHandler"/> included; handlers you add with
/// <c>AddHttpMessageHandler</c> on the returned builder run once per attempt, after the
/// <see cref="KooDrivePipelinePosition.PerRetry"/> ones and before redirects and authentication. One server-clock
/// estimate, a singleton, outlives the factory's handler rotation.
/// </para>
/// <para>
/// Options are validated when the host starts (<c>ValidateOnStart</c>) and whenever they are read; the
/// failure lists every missing or invalid setting. A <see cref="TimeProvider"/> registered in the container is
/// used as <see cref="KooDriveClientOptions.TimeProvider"/> unless the options set one.
/// </para>
/// </remarks>
public static class KooDriveServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the KooDrive clients use: <c>KooDrive</c>.</summary>
    public const string HttpClientName = "KooDrive";

    /// <summary>Registers the KooDrive clients, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. <see cref="KooDriveClientOptions.UserId"/> and the credentials.</param>
    /// <returns>The builder of the <see cref="HttpClientName"/> client, to add per-attempt handlers or configure it further.</returns>
    /// <example>
    /// <code>
    /// services.AddKooDriveClient(options =>
    /// {
    ///     options.UserId = "1505084218764547200";
    ///     options.AppCredential = new KooDriveAppCredential(appId, appSecret);
    /// });
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddKooDriveClient(this IServiceCollection services, Action<KooDriveClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddCore(services);
        services.Configure(configure);
        return builder;
    }

    /// <summary>Registers the KooDrive clients, configured from a configuration section and optionally in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">
    /// The section holding the settings, e.g. <c>builder.Configuration.GetSection("KooDrive")</c>: <c>BaseAddress</c>,
    /// <c>UserId</c>, <c>Language</c>, <c>AllowedHosts</c> (added to the defaults), <c>MaxRedirects</c>,
    /// <c>Resilience:*</c>, and <c>AppId</c> with <c>AppSecret</c> for app-based authentication.
    /// </param>
    /// <param name="configure">Runs after binding, e.g. to set <see cref="KooDriveClientOptions.AccessTokenProvider"/>.</param>
    /// <returns>The builder of the <see cref="HttpClientName"/> client, to add per-attempt handlers or configure it further.</returns>
    public static IHttpClientBuilder AddKooDriveClient(this IServiceCollection services, IConfiguration configuration, Action<KooDriveClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = AddCore(services);
        var credential = new KooDriveAppCredentialBinding(configuration);
        services.AddOptions<KooDriveClientOptions>().Bind(configuration).Configure(credential.Apply);
        services.AddSingleton<IValidateOptions<KooDriveClientOptions>>(credential);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }

    internal static KooDriveClientOptions GetOptions(IServiceProvider services) =>
        services.GetRequiredService<IOptionsMonitor<KooDriveClientOptions>>().CurrentValue;

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        // A second call adds configuration only: the pipeline must not be built twice.
        if (services.Any(d => d.ServiceType == typeof(Registration)))
        {
            return services.AddHttpClient(HttpClientName);
        }

        services.AddSingleton<Registration>();
        services.AddOptions<KooDriveClientOptions>()
            .Configure<IServiceProvider>(static (options, provider) =>
            {
                if (provider.GetService<TimeProvider>() is { } timeProvider)
                {
                    options.TimeProvider = timeProvider;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KooDriveClientOptions>, KooDriveClientOptionsValidator>());
        services.TryAddSingleton(static provider => new KooDriveClock(GetOptions(provider).TimeProvider));

        // First in the collection, so that the filter wraps every other one (IHttpClientFactory applies the
        // first registered filter outermost) and appends the per-attempt handlers last, below the factory's
        // logging handler even when the consumer called AddHttpClient() before: that handler then never sees
        // a signed Authorization value.
        services.Insert(0, ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, KooDriveHandlerBuilderFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<HttpClientFactoryOptions>, KooDriveLogRedaction>());

        var builder = services.AddHttpClient<IBackupClient, BackupClient>(HttpClientName);
        services.AddHttpClient<IAlbumClient, AlbumClient>(HttpClientName);
        builder.ConfigurePrimaryHttpMessageHandler(KooDriveHttpClientFactory.CreatePrimaryHandler);
        builder.ConfigureHttpClient(static (provider, client) =>
        {
            var options = GetOptions(provider);
            client.BaseAddress = KooDrivePipeline.WithTrailingSlash(options.BaseAddress);
            client.Timeout = KooDrivePipeline.GetHttpClientTimeout(options);
        });
        builder.ConfigureAdditionalHttpMessageHandlers(static (handlers, provider) =>
        {
            var outer = KooDrivePipeline.CreateOuterHandlers(GetOptions(provider), provider.GetRequiredService<KooDriveClock>(), provider.GetService<ILoggerFactory>());
            for (var i = 0; i < outer.Count; i++)
            {
                handlers.Insert(i, outer[i]);
            }
        });

        // IHttpClientFactory's own logging stays on; KooDriveLogRedaction keeps credential-like headers redacted in it.
        return builder;
    }

    /// <summary>Marks a collection in which the KooDrive pipeline is already registered.</summary>
    private sealed class Registration;
}
