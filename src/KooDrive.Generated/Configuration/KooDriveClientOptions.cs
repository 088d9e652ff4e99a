using System.Diagnostics;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Resilience;
using Microsoft.Kiota.Abstractions.Authentication;

namespace KooDrive.Generated.Configuration;

/// <summary>
/// Settings of a KooDrive client: where it connects, whom it acts for and how it authenticates.
/// Set exactly one of <see cref="AccessTokenProvider"/> (token authentication) and
/// <see cref="AppCredential"/> (app-based authentication).
/// </summary>
/// <remarks>
/// The pipeline copies these values when it is built (<see cref="KooDriveHttpClientFactory"/>); later
/// changes do not affect a client already created. <see cref="ToString"/> and the debugger display
/// never show a token or the AppSecret.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class KooDriveClientOptions
{
    /// <summary>The international site, <c>https://intl.myhuaweicloud-koodrive.com/</c> (the default <see cref="BaseAddress"/>).</summary>
    public static Uri InternationalEndpoint { get; } = new("https://" + KooDriveHosts.International + "/");

    /// <summary>The Chinese mainland site, <c>https://cn.myhuaweicloud-koodrive.com/</c>.</summary>
    public static Uri ChineseMainlandEndpoint { get; } = new("https://" + KooDriveHosts.ChineseMainland + "/");

    /// <summary>The service root requests are resolved against. Must be HTTPS (plain HTTP only on loopback).</summary>
    public Uri BaseAddress { get; set; } = InternationalEndpoint;

    /// <summary>The KooDrive user ID sent as <c>X-User-Id</c> with every request. Required.</summary>
    public string? UserId { get; set; }

    /// <summary>The <c>language</c> header (for example <c>en_us</c>); sent only when set.</summary>
    public string? Language { get; set; }

    /// <summary>Token authentication: the source of access tokens, asked once per request.</summary>
    public IAccessTokenProvider? AccessTokenProvider { get; set; }

    /// <summary>App-based authentication: the AppId and AppSecret requests are signed with.</summary>
    public KooDriveAppCredential? AppCredential { get; set; }

    /// <summary>
    /// Hosts credentials may be sent to, in addition to the host of <see cref="BaseAddress"/>, which is always
    /// allowed. Defaults to the two documented KooDrive hosts; clear it to allow the base address host only.
    /// </summary>
    public ICollection<string> AllowedHosts { get; } = new HashSet<string>(KooDriveHosts.Default, StringComparer.OrdinalIgnoreCase);

    /// <summary>The local clock <c>X-Date</c> is derived from (tests inject a fake one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How many redirects one request may follow (each hop re-evaluates credentials); 0 follows none. Default 5.</summary>
    public int MaxRedirects { get; set; } = KooDriveRedirect.DefaultMaxRedirects;

    /// <summary>Retries and timeouts (configuration keys under <c>Resilience</c>).</summary>
    public KooDriveResilienceOptions Resilience { get; } = new();

    /// <summary>The application's handlers, in the order added, with their positions.</summary>
    internal List<(Func<DelegatingHandler> Create, KooDrivePipelinePosition Position)> Handlers { get; } = [];

    /// <summary>
    /// Adds a handler of the application's to the KooDrive pipeline, at a position that keeps the SDK's guarantees
    /// (one trace ID and one span per call, a fresh date and signature per attempt, credentials never seen).
    /// </summary>
    /// <remarks>
    /// A <see cref="KooDrivePipelinePosition.PerCall"/> handler runs outside the retries, after the SDK has fixed
    /// the call's trace ID and headers; a <see cref="KooDrivePipelinePosition.PerRetry"/> handler runs inside them,
    /// before redirects and authentication. Handlers of one position run in the order added.
    /// <see cref="KooDriveHttpClientFactory.Create"/> and <c>AddKooDriveClient</c> honour this list identically
    /// (README.md, "The request pipeline", shows the whole order).
    /// </remarks>
    /// <param name="createHandler">Creates a new handler each time a pipeline is built (<c>IHttpClientFactory</c> rebuilds pipelines).</param>
    /// <param name="position">Whether it runs once per call or once per attempt.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="createHandler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is not defined.</exception>
    public KooDriveClientOptions AddHandler(Func<DelegatingHandler> createHandler, KooDrivePipelinePosition position)
    {
        ArgumentNullException.ThrowIfNull(createHandler);
        if (!Enum.IsDefined(position))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "The position must be PerCall or PerRetry.");
        }

        Handlers.Add((createHandler, position));
        return this;
    }

    /// <summary>The hosts credentials may actually be sent to: <see cref="AllowedHosts"/> plus the base address host.</summary>
    /// <returns>The hosts, without duplicates.</returns>
    public IReadOnlyList<string> GetEffectiveAllowedHosts()
    {
        var hosts = new List<string>();
        if (BaseAddress is { IsAbsoluteUri: true })
        {
            hosts.Add(BaseAddress.Host);
        }

        foreach (var host in AllowedHosts)
        {
            if (!hosts.Contains(host, StringComparer.OrdinalIgnoreCase))
            {
                hosts.Add(host);
            }
        }

        return hosts;
    }

    /// <summary>Lists every problem with these options (empty when they are usable). Messages never contain secrets.</summary>
    /// <returns>One message per problem, naming the setting.</returns>
    public IReadOnlyList<string> GetValidationErrors()
    {
        var errors = new List<string>();
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            errors.Add("BaseAddress must be an absolute URI such as https://intl.myhuaweicloud-koodrive.com/.");
        }
        else
        {
            if (!KooDriveCredentialPolicy.IsSecureOrLoopback(BaseAddress))
            {
                errors.Add("BaseAddress must use https (plain http is accepted for loopback addresses only): credentials are never sent over plain HTTP.");
            }

            if (BaseAddress.Query.Length > 0 || BaseAddress.Fragment.Length > 0 || BaseAddress.UserInfo.Length > 0)
            {
                errors.Add("BaseAddress must not contain user information, a query or a fragment.");
            }
        }

        if (UserId is null)
        {
            errors.Add("UserId is required: it is sent as X-User-Id with every request.");
        }
        else if (!HeaderValueGuard.IsSetting(UserId))
        {
            errors.Add("UserId must be non-empty visible ASCII without leading or trailing spaces.");
        }

        if (Language is not null && !HeaderValueGuard.IsSetting(Language))
        {
            errors.Add("Language must be null (not sent) or non-empty visible ASCII without leading or trailing spaces.");
        }

        if (AccessTokenProvider is null == AppCredential is null)
        {
            errors.Add(AccessTokenProvider is null
                ? "Set AccessTokenProvider (token authentication) or AppCredential (app-based authentication; in configuration, the AppId and AppSecret keys)."
                : "Set only one of AccessTokenProvider and AppCredential: a client authenticates one way.");
        }

        if (AccessTokenProvider is not (null or StaticAccessTokenProvider { TrustsClientPolicy: true })
            && BaseAddress is { IsAbsoluteUri: true }
            && AccessTokenProvider.AllowedHostsValidator is { } tokenHosts
            && !tokenHosts.IsUrlHostValid(BaseAddress))
        {
            errors.Add($"AccessTokenProvider does not allow the BaseAddress host '{BaseAddress.Host}', so no request would carry a token: allow it in {CredentialWithheld.ProviderAllowedHostsOption}.");
        }

        if (AllowedHosts.Any(host => !KooDriveCredentialPolicy.IsValidHost(host)))
        {
            errors.Add("AllowedHosts must contain bare host names only (no scheme, path, port, whitespace or control characters).");
        }

        if (TimeProvider is null)
        {
            errors.Add("TimeProvider must not be null.");
        }

        if (MaxRedirects < 0)
        {
            errors.Add("MaxRedirects must not be negative.");
        }

        errors.AddRange(Resilience.GetValidationErrors());

        return errors;
    }

    /// <summary>Throws when the options are not usable.</summary>
    /// <exception cref="ArgumentException">At least one setting is missing or invalid; the message lists them all.</exception>
    public void Validate()
    {
        var errors = GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid KooDriveClientOptions: " + string.Join(" ", errors), "options");
        }
    }

    /// <summary>Describes the options without revealing credentials.</summary>
    /// <returns>Base address, user, language, authentication mode and allowed hosts.</returns>
    public override string ToString()
    {
        var mode = (AccessTokenProvider, AppCredential) switch
        {
            (not null, null) => "AccessToken",
            (null, not null) => $"AppSignature (AppId = {AppCredential.AppId})",
            (null, null) => "none",
            _ => "ambiguous",
        };
        return $"KooDriveClientOptions {{ BaseAddress = {BaseAddress}, UserId = {UserId}, Language = {Language}, Authentication = {mode}, AllowedHosts = [{string.Join(", ", AllowedHosts)}] }}";
    }
}
