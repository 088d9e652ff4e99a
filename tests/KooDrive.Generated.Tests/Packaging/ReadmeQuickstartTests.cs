using System.Net;
using KooDrive.Generated.Tests.Auth.Support;
using KooDrive.Generated.Tests.Packaging.Support;
using KooDrive.Generated.Tests.Support;
using Microsoft.CodeAnalysis;

namespace KooDrive.Generated.Tests.Packaging;

/// <summary>
/// The package README's quickstarts compile without a warning against the built SDK and, run as programs,
/// make correctly signed calls to a loopback server standing in for KooDrive.
/// </summary>
public class ReadmeQuickstartTests
{
    private const string UserId = "1505084218764547200";
    private const string AppId = "quickstart-app";
    private const string AppSecret = "quickstart-secret";

    private static string Readme => File.ReadAllText(Path.Combine(RepoPaths.Src, "KooDrive.Generated", "README.md"));

    public static TheoryData<int> Blocks => [.. Enumerable.Range(0, ReadmeProgram.CSharpBlocks(Readme).Count)];

    [Fact]
    public void The_README_has_a_dependency_injection_and_a_constructor_quickstart()
    {
        var blocks = ReadmeProgram.CSharpBlocks(Readme);

        Assert.Equal(2, blocks.Count);
        Assert.Contains("AddKooDriveClient(", blocks[0], StringComparison.Ordinal);
        Assert.Contains("KooDriveHttpClientFactory.Create(", blocks[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public async Task Each_quickstart_compiles_cleanly_and_makes_a_signed_call(int block)
    {
        var code = ReadmeProgram.CSharpBlocks(Readme)[block];
        await using var server = new LoopbackHttpServer(request => new ServerResponse(
            200,
            request.Target.EndsWith("/scope", StringComparison.Ordinal)
                ? """{"code":0,"msg":"success","scopeIdList":["1842846715527366528"],"failedScopeList":[]}"""
                : """{"code":0,"msg":"success"}"""));
        var name = "Quickstart" + block;
        using var program = ReadmeProgram.Compile(code, name);
        Assert.True(program.Diagnostics.Count == 0, string.Join("\n", program.Diagnostics));

        var (exitCode, output) = program.Run(name, new Dictionary<string, string>
        {
            ["KooDrive__BaseAddress"] = server.Address().ToString(),
            ["KooDrive__UserId"] = UserId,
            ["KooDrive__AppId"] = AppId,
            ["KooDrive__AppSecret"] = AppSecret,
            ["KOODRIVE_BASE_ADDRESS"] = server.Address().ToString(),
            ["KOODRIVE_USER_ID"] = UserId,
            ["KOODRIVE_APP_ID"] = AppId,
            ["KOODRIVE_APP_SECRET"] = AppSecret,
        });

        Assert.True(exitCode == 0, output);
        Assert.Contains(block == 0 ? "Backup scopes deleted; 0 failed." : "Album contents deleted.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(AppSecret, output, StringComparison.Ordinal);
        var request = Assert.Single(server.Received);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal(UserId, request.Header("X-User-Id"));
        Assert.StartsWith("KooDrive.Generated/", request.Header("User-Agent"), StringComparison.Ordinal);
        var canonical = IndependentSigner.CanonicalRequest(
            request.Method,
            new Uri(server.Address(), request.Target),
            request.Header("Host")!,
            request.Header("X-Date")!,
            UserId,
            request.Body);
        Assert.Equal(IndependentSigner.Authorization(IndependentSigner.Signature(canonical, AppSecret), AppId), request.Header("Authorization"));
    }
}
