using System.Globalization;
using Polly.Timeout;

namespace KooDrive.Generated.Resilience;

/// <summary>
/// The SDK's resilience handler: the attempts <see cref="KooDriveResiliencePipeline"/> runs, with a timeout surfacing the way <see cref="HttpClient"/>
/// reports its own, as a <see cref="TaskCanceledException"/> whose inner exception is a <see cref="TimeoutException"/>.
/// </summary>
/// <remarks>
/// Polly reports an expired timeout with its own <see cref="TimeoutRejectedException"/>. Letting it through
/// would make Polly part of the SDK's contract: a caller would have to reference Polly to catch a timeout, and
/// code written against <see cref="HttpClient.Timeout"/> (or against the SDK with resilience disabled) would
/// miss it. Polly's exception is deliberately not kept as the inner exception, so no Polly type is reachable
/// from what a caller catches. A call the caller cancelled still ends with the caller's own
/// <see cref="OperationCanceledException"/>.
/// </remarks>
internal sealed class KooDriveResilienceHandler(KooDriveResiliencePipeline pipeline, KooDriveResilienceOptions options)
    : DelegatingHandler
{
    private readonly TimeSpan _attemptTimeout = options.AttemptTimeout;
    private readonly TimeSpan _totalTimeout = options.TotalTimeout;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(request, base.SendAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException exception)
        {
            throw TimedOut(exception.Timeout);
        }
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return pipeline.Execute(request, base.Send, cancellationToken);
        }
        catch (TimeoutRejectedException exception)
        {
            throw TimedOut(exception.Timeout);
        }
    }

    /// <summary>The exception HttpClient itself throws when its <see cref="HttpClient.Timeout"/> elapses, naming the SDK setting instead.</summary>
    internal TaskCanceledException TimedOut(TimeSpan timeout)
    {
        var setting = timeout == _totalTimeout
            ? $"Resilience:TotalTimeout ({Format(_totalTimeout)}) for the whole call elapsed"
            : $"Resilience:AttemptTimeout ({Format(_attemptTimeout)}) elapsed on the last attempt the retry policy allowed";
        var message = $"The KooDrive request was canceled because its {setting}.";
        return new TaskCanceledException(message, new TimeoutException(message));
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
