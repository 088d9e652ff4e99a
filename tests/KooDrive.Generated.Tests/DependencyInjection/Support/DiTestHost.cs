using KooDrive.Generated.Tests.Auth.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace KooDrive.Generated.Tests.DependencyInjection.Support;

/// <summary>Builds service providers with the KooDrive registration over a recording transport.</summary>
internal static class DiTestHost
{
    public static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    /// <summary>The delegating handlers of the KooDrive client's pipeline, outermost first, factory wrappers skipped.</summary>
    public static List<HttpMessageHandler> Chain(IServiceProvider provider)
    {
        var chain = new List<HttpMessageHandler>();
        HttpMessageHandler? current = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("KooDrive");
        while (current is not null)
        {
            chain.Add(current);
            current = (current as DelegatingHandler)?.InnerHandler;
        }

        return chain;
    }

    /// <summary>Makes the recording handler the primary handler of the KooDrive client.</summary>
    public static IHttpClientBuilder UsingTransport(this IHttpClientBuilder builder, RecordingHandler recorder) =>
        builder.ConfigurePrimaryHttpMessageHandler(() => recorder);
}
