using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KooDrive.Generated.DependencyInjection;

/// <summary>
/// Binds <see cref="KooDriveClientOptions.AppCredential"/> from the flat <c>AppId</c> and <c>AppSecret</c>
/// keys of a configuration section (<see cref="Apply"/>), and reports, by key, what keeps them from binding
/// (<see cref="Validate"/>). Every other options rule is <see cref="KooDriveClientOptions.GetValidationErrors"/>'s.
/// </summary>
/// <remarks>
/// The credential takes its secret only through its constructor and never gives it back, so it cannot be
/// bound like the other settings. Messages name the configuration key, never its value.
/// </remarks>
internal sealed class KooDriveAppCredentialBinding(IConfiguration configuration) : IValidateOptions<KooDriveClientOptions>
{
    public const string AppIdKey = "AppId";
    public const string AppSecretKey = "AppSecret";

    public void Apply(KooDriveClientOptions options)
    {
        var appId = configuration[AppIdKey];
        var appSecret = configuration[AppSecretKey];
        if (string.IsNullOrEmpty(appId) || string.IsNullOrEmpty(appSecret))
        {
            return;
        }

        try
        {
            options.AppCredential = new KooDriveAppCredential(appId, appSecret);
        }
        catch (ArgumentException)
        {
            // Left unset; Validate reports the problem by key at start-up.
        }
    }

    public ValidateOptionsResult Validate(string? name, KooDriveClientOptions options)
    {
        var appId = configuration[AppIdKey];
        var appSecret = configuration[AppSecretKey];
        var hasAppId = !string.IsNullOrEmpty(appId);
        var hasAppSecret = !string.IsNullOrEmpty(appSecret);
        if (hasAppId && !hasAppSecret)
        {
            return ValidateOptionsResult.Fail($"{Key(AppSecretKey)} is missing or empty: {Key(AppIdKey)} is set, and app-based authentication needs both.");
        }

        if (hasAppSecret && !hasAppId)
        {
            return ValidateOptionsResult.Fail($"{Key(AppIdKey)} is missing or empty: {Key(AppSecretKey)} is set, and app-based authentication needs both.");
        }

        if (hasAppId)
        {
            try
            {
                _ = new KooDriveAppCredential(appId!, appSecret!);
            }
            catch (ArgumentException exception)
            {
                var key = exception.ParamName == "appSecret" ? AppSecretKey : AppIdKey;
                return ValidateOptionsResult.Fail($"{Key(key)} is invalid. {exception.Message.Split(" (Parameter", 2)[0]}");
            }
        }

        return ValidateOptionsResult.Success;
    }

    private string Key(string name) => configuration is IConfigurationSection { Path.Length: > 0 } section ? section.Path + ":" + name : name;
}
