using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using KooDrive.Generated.Auth;
using KooDrive.Generated.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace KooDrive.Generated.Benchmarks;

/// <summary>
/// One whole 100-scope add on loopback (an in-process Kestrel server answering the documented response), through
/// the SDK in token mode against a hand-written <see cref="HttpClient"/> + Newtonsoft call that sends the same
/// body. Goal: the SDK allocates at most 1.5× the hand-written call.
/// </summary>
[MemoryDiagnoser]
public class AddScopesCallBenchmarks
{
    private const string DeviceId = "1842812272691451648";
    private const string Path = "koodrive/ose/v1/backup/device/1842812272691451648/scope";

    private readonly AddBackupScopesRequest _request = BenchmarkData.AddScopes(100);
    private WebApplication? _server;
    private HttpClient? _plain;
    private HttpClient? _sdkHttp;
    private BackupClient? _sdk;

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        var answer = Encoding.UTF8.GetBytes(BenchmarkData.AddScopesResponseTemplate);
        _server.MapPost("/koodrive/ose/v1/backup/device/{deviceId}/scope", async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(answer);
        });
        _server.StartAsync().GetAwaiter().GetResult();
        var address = new Uri(_server.Urls.First() + "/");

        _plain = new HttpClient { BaseAddress = address };
        _sdkHttp = KooDriveHttpClientFactory.Create(new KooDriveClientOptions
        {
            BaseAddress = address,
            UserId = "1",
            AccessTokenProvider = new StaticAccessTokenProvider("benchmark-token", address.Host),
        });
        _sdk = new BackupClient(_sdkHttp);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain?.Dispose();
        _sdkHttp?.Dispose();
        _server?.StopAsync().GetAwaiter().GetResult();
    }

    /// <summary>Hand-written: serialize with Newtonsoft, POST, read the body as a string, deserialize.</summary>
    [Benchmark(Baseline = true)]
    public async Task<AddBackupScopesResponse?> HandWrittenNewtonsoft()
    {
        using var content = new StringContent(JsonConvert.SerializeObject(_request), Encoding.UTF8, "application/json");
        using var response = await _plain!.PostAsync(new Uri(Path, UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
        }

        return JsonConvert.DeserializeObject<AddBackupScopesResponse>(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The SDK in token mode: validation, the whole pipeline, typed errors, exact IDs.</summary>
    [Benchmark]
    public Task<AddBackupScopesResponse> Sdk() => _sdk!.AddBackupScopesAsync(DeviceId, _request);
}
