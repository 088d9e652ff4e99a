using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using KooDrive.Generated.DependencyInjection;
using KooDrive.Generated.Tests.Auth.Support;
using KooDrive.Generated.Tests.DependencyInjection.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KooDrive.Generated.Tests.DependencyInjection;

public class OptionsValidationTests
{
    private const string Secret = "s3cr3t-AppSecret-value";

    private static OptionsValidationException StartupFailure(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public async Task A_host_with_invalid_options_fails_to_start_naming_what_is_missing()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddKooDriveClient(DiTestHost.Configuration(("KooDrive:Language", "en_us")).GetSection("KooDrive"));
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("UserId is required", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Set AccessTokenProvider (token authentication) or AppCredential", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AppId and AppSecret keys", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-user", "UserId is required")]
    [InlineData("no-auth", "Set AccessTokenProvider (token authentication) or AppCredential (app-based authentication; in configuration, the AppId and AppSecret keys)")]
    [InlineData("http", "BaseAddress must use https")]
    [InlineData("id-without-secret", "KooDrive:AppSecret is missing or empty: KooDrive:AppId is set")]
    [InlineData("secret-without-id", "KooDrive:AppId is missing or empty: KooDrive:AppSecret is set")]
    [InlineData("bad-id", "KooDrive:AppId is invalid. The AppId must be non-empty visible ASCII without spaces or commas")]
    [InlineData("both-auth", "Set only one of AccessTokenProvider and AppCredential")]
    [InlineData("retries", "Resilience:MaxRetries must be between 0 and 10")]
    [InlineData("attempt-timeout", "Resilience:TotalTimeout must be at least Resilience:AttemptTimeout")]
    [InlineData("redirects", "MaxRedirects must not be negative")]
    public void Each_missing_or_invalid_setting_fails_start_up_with_a_message_naming_it(string problem, string expected)
    {
        var values = new Dictionary<string, string?>
        {
            ["KooDrive:UserId"] = TestPipelines.UserId,
            ["KooDrive:AppId"] = "app-1",
            ["KooDrive:AppSecret"] = Secret,
        };
        Action<KooDriveClientOptions>? code = null;
        switch (problem)
        {
            case "no-user": values.Remove("KooDrive:UserId"); break;
            case "no-auth": values.Remove("KooDrive:AppId"); values.Remove("KooDrive:AppSecret"); break;
            case "http": values["KooDrive:BaseAddress"] = "http://intl.myhuaweicloud-koodrive.com/"; break;
            case "id-without-secret": values.Remove("KooDrive:AppSecret"); break;
            case "secret-without-id": values["KooDrive:AppId"] = string.Empty; break;
            case "bad-id": values["KooDrive:AppId"] = "app,1"; break;
            case "both-auth": code = o => o.AccessTokenProvider = new StaticAccessTokenProvider(TestPipelines.Token); break;
            case "retries": values["KooDrive:Resilience:MaxRetries"] = "99"; break;
            case "attempt-timeout": values["KooDrive:Resilience:AttemptTimeout"] = "00:05:00"; values["KooDrive:Resilience:TotalTimeout"] = "00:01:00"; break;
            case "redirects": values["KooDrive:MaxRedirects"] = "-1"; break;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddKooDriveClient(configuration.GetSection("KooDrive"), code);

        var exception = StartupFailure(services);

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_configured_in_code_are_validated_with_the_same_rules()
    {
        var services = new ServiceCollection();
        services.AddKooDriveClient(o => o.BaseAddress = new Uri("http://gateway.example/"));

        var exception = StartupFailure(services);

        Assert.Equal(typeof(KooDriveClientOptions), exception.OptionsType);
        Assert.Contains(exception.Failures, f => f.Contains("UserId is required", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("must use https", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("Set AccessTokenProvider", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolving_a_client_with_invalid_options_fails_too_without_a_host()
    {
        var services = new ServiceCollection();
        services.AddKooDriveClient(o => o.UserId = TestPipelines.UserId);
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IBackupClient>());

        Assert.Contains("Set AccessTokenProvider", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_setting_binds_from_configuration_and_the_secret_signs_without_being_shown()
    {
        var configuration = DiTestHost.Configuration(
            ("KooDrive:BaseAddress", "https://gateway.example/koodrive-proxy"),
            ("KooDrive:UserId", TestPipelines.UserId),
            ("KooDrive:Language", "en_us"),
            ("KooDrive:AllowedHosts:0", "backup.example"),
            ("KooDrive:MaxRedirects", "2"),
            ("KooDrive:AppId", IndependentSigner.AppId),
            ("KooDrive:AppSecret", IndependentSigner.AppSecret),
            ("KooDrive:Resilience:MaxRetries", "5"),
            ("KooDrive:Resilience:BaseDelay", "00:00:00.5"),
            ("KooDrive:Resilience:MaxDelay", "00:00:20"),
            ("KooDrive:Resilience:AttemptTimeout", "00:00:10"),
            ("KooDrive:Resilience:TotalTimeout", "00:01:00"),
            ("KooDrive:Resilience:RetryNonIdempotent", "true"));
        var services = new ServiceCollection();
        var recorder = new RecordingHandler();
        services.AddKooDriveClient(configuration.GetSection("KooDrive"), o => o.TimeProvider = TestPipelines.Time()).UsingTransport(recorder);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<KooDriveClientOptions>>().Value;
        await provider.GetRequiredService<IBackupClient>().UnbindDeviceAsync("1842812272691451648");

        Assert.Equal(new Uri("https://gateway.example/koodrive-proxy"), options.BaseAddress);
        Assert.Equal("en_us", options.Language);
        Assert.Contains("backup.example", options.AllowedHosts);
        Assert.Contains(KooDriveHosts.International, options.AllowedHosts);
        Assert.Equal(2, options.MaxRedirects);
        Assert.Equal(IndependentSigner.AppId, options.AppCredential?.AppId);
        Assert.Equal(
            (5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), true),
            (options.Resilience.MaxRetries, options.Resilience.BaseDelay, options.Resilience.MaxDelay, options.Resilience.AttemptTimeout, options.Resilience.TotalTimeout, options.Resilience.RetryNonIdempotent));
        Assert.DoesNotContain(IndependentSigner.AppSecret, options.ToString(), StringComparison.Ordinal);
        var sent = recorder.Single;
        Assert.Equal(new Uri("https://gateway.example/koodrive-proxy/koodrive/ose/v1/backup/device/1842812272691451648"), sent.Uri);
        Assert.Equal(IndependentSigner.ExpectedAuthorization(sent), sent.Header("Authorization"));
    }
}
