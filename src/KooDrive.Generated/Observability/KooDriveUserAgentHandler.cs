namespace KooDrive.Generated.Observability;

/// <summary>
/// Adds the SDK's product token to <c>User-Agent</c> (<see cref="KooDriveTelemetry.UserAgent"/>), after any
/// product the application already names, so the service can tell SDK versions apart.
/// </summary>
public sealed class KooDriveUserAgentHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var present = request.Headers.NonValidated.TryGetValues("User-Agent", out var values)
            && values.Any(v => v.StartsWith(KooDriveTelemetry.ProductName + "/", StringComparison.Ordinal));
        if (!present)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", KooDriveTelemetry.UserAgent);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
