using System.Diagnostics;
using System.Net;
using KooDrive.Generated.Observability;
using KooDrive.Generated.Tests.Resilience.Support;

namespace KooDrive.Generated.Tests.Observability;

public class UserAgentTests
{
    [Fact]
    public void The_user_agent_names_the_SDK_its_informational_version_and_the_runtime()
    {
        var productVersion = FileVersionInfo.GetVersionInfo(typeof(BackupClient).Assembly.Location).ProductVersion;

        Assert.Equal($"KooDrive.Generated/{productVersion} (.NET {Environment.Version})", KooDriveTelemetry.UserAgent);
        Assert.StartsWith("0.", productVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_attempt_is_sent_with_the_application_product_first_and_the_SDK_token_once()
    {
        using var scenario = new RetryScenario();
        scenario.Recorder.Respond = (_, n) =>
        {
            var response = new HttpResponseMessage(n == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
            response.Headers.Add("Retry-After", "1");
            return response;
        };
        scenario.Client.DefaultRequestHeaders.UserAgent.ParseAdd("MyBackupApp/2.1");

        var call = scenario.Client.DeleteAsync(new Uri("koodrive/ose/v1/backup/device/d1", UriKind.Relative));
        await scenario.ElapseDelayAsync(0);
        using var response = await call;

        Assert.Equal(2, scenario.Recorder.Requests.Count);
        Assert.All(scenario.Recorder.Requests, r => Assert.Equal(["MyBackupApp/2.1", KooDriveTelemetry.UserAgent], r.Headers["User-Agent"]));
    }
}
