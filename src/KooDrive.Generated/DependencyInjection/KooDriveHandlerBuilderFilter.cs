using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace KooDrive.Generated.DependencyInjection;

/// <summary>
/// Appends the innermost KooDrive handlers (<see cref="KooDrivePipeline.CreateInnerHandlers"/>: authentication,
/// which follows redirects itself) to the KooDrive client's pipeline after every other configuration has run, so that it always
/// sits directly above the primary handler, and refuses a primary handler that follows redirects itself.
/// </summary>
/// <remarks>
/// A filter runs around all of a client's configuration actions, whatever order the consumer registered
/// them in; this one is registered first, so it also runs around every other filter, including
/// IHttpClientFactory's logging filter, whose handlers therefore never see a credential.
/// </remarks>
internal sealed class KooDriveHandlerBuilderFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return builder =>
        {
            next(builder);
            if (!string.Equals(builder.Name, KooDriveServiceCollectionExtensions.HttpClientName, StringComparison.Ordinal))
            {
                return;
            }

            KooDrivePipeline.ThrowIfFollowsRedirects(builder.PrimaryHandler, message => new InvalidOperationException(
                message + " A handler set with ConfigurePrimaryHttpMessageHandler on the KooDrive client must have AllowAutoRedirect = false."));
            KooDriveLogRedaction.Apply(builder.Services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(builder.Name));
            var options = KooDriveServiceCollectionExtensions.GetOptions(builder.Services);
            var clock = builder.Services.GetRequiredService<KooDriveClock>();
            foreach (var handler in KooDrivePipeline.CreateInnerHandlers(options, clock))
            {
                builder.AdditionalHandlers.Add(handler);
            }
        };
    }
}
