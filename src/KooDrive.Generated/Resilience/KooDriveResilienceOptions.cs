using System.Globalization;

namespace KooDrive.Generated.Resilience;

/// <summary>
/// How a KooDrive client retries transient failures and times calls out. Bound from configuration under
/// <c>Resilience</c> (for example <c>KooDrive:Resilience:MaxRetries</c>).
/// </summary>
/// <remarks>
/// <para>
/// Transient failures are network errors (<see cref="HttpRequestException"/>), attempt timeouts and the
/// statuses 408, 429 and 5xx. They are retried with jittered exponential backoff starting at
/// <see cref="BaseDelay"/>; a <c>Retry-After</c> header (seconds or HTTP date) sets the delay instead.
/// A <c>Retry-After</c> longer than <see cref="MaxDelay"/> is not waited for: the response is returned.
/// </para>
/// <para>
/// Idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) are retried. POST and PATCH are retried only
/// when <see cref="RetryNonIdempotent"/> is set, or when the connection could not be opened at all (the
/// server cannot have seen such a request).
/// </para>
/// <para>
/// The retry runs outside authentication, so every attempt carries a new <c>X-Date</c> and a new signature
/// (or a token asked for again).
/// </para>
/// </remarks>
public sealed class KooDriveResilienceOptions
{
    /// <summary>Whether the SDK retries and times out calls at all. Default true; false removes the resilience handler.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many times a failed attempt is retried (0 to 10). Default 3, so at most 4 attempts.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The median delay before the first retry; later ones grow exponentially, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait between two attempts. A computed delay is capped here; a server's <c>Retry-After</c>
    /// longer than this is not waited for and its response is returned. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The limit for one attempt (one HTTP exchange, redirects included); it counts as a transient failure. When
    /// no retry is left (or the call is a POST that is not retried), the call fails like an expired
    /// <see cref="TotalTimeout"/>: a <see cref="TaskCanceledException"/> with a <see cref="TimeoutException"/> inside. Default 30 seconds.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The limit for a whole call, all attempts and delays included. When it expires the call fails the way
    /// <see cref="HttpClient"/> reports its own timeout: a <see cref="TaskCanceledException"/> whose
    /// <see cref="Exception.InnerException"/> is a <see cref="TimeoutException"/>. Default 2 minutes.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether POST and PATCH calls are retried like idempotent ones. Default false: a POST that reached the
    /// server may have taken effect, and repeating it could apply it twice.
    /// </summary>
    public bool RetryNonIdempotent { get; set; }

    /// <summary>Describes the settings.</summary>
    /// <returns>The settings as <c>name = value</c> pairs.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"KooDriveResilienceOptions {{ Enabled = {Enabled}, MaxRetries = {MaxRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, AttemptTimeout = {AttemptTimeout}, TotalTimeout = {TotalTimeout}, RetryNonIdempotent = {RetryNonIdempotent} }}");

    /// <summary>Lists the problems with these settings, each naming its key under <c>Resilience</c>.</summary>
    internal IEnumerable<string> GetValidationErrors()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (MaxRetries is < 0 or > 10)
        {
            yield return "Resilience:MaxRetries must be between 0 and 10.";
        }

        if (BaseDelay <= TimeSpan.Zero || BaseDelay > TimeSpan.FromMinutes(1))
        {
            yield return "Resilience:BaseDelay must be more than zero and at most 1 minute.";
        }

        if (MaxDelay < BaseDelay)
        {
            yield return "Resilience:MaxDelay must not be less than Resilience:BaseDelay.";
        }

        // Polly refuses timeouts under 10 ms.
        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromHours(1))
        {
            yield return "Resilience:AttemptTimeout must be at least 10 milliseconds and at most 1 hour.";
        }

        if (TotalTimeout < AttemptTimeout || TotalTimeout > TimeSpan.FromHours(24))
        {
            yield return "Resilience:TotalTimeout must be at least Resilience:AttemptTimeout and at most 24 hours.";
        }
    }
}
