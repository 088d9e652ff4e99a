using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Spec;

public class SpecLoadingTests
{
    [Fact]
    public void Spec_loads_as_OpenAPI_3_0_with_no_errors_and_no_warnings()
    {
        var diagnostic = SpecDocument.Result.Diagnostic!;

        Assert.Empty(diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(diagnostic.Warnings.Select(w => $"{w.Pointer}: {w.Message}"));
        Assert.Equal(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0, diagnostic.SpecificationVersion);
    }

    [Fact]
    public void A_broken_spec_is_reported_with_errors()
    {
        // Guards the guard: the loader must actually complain about a malformed document.
        var path = Path.Combine(Path.GetTempPath(), $"koodrive-broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "openapi: 3.0.3\ninfo:\n  title: x\npaths:\n  /a:\n    get:\n      responses: 7\n");
        try
        {
            var result = SpecDocument.Load(path);
            Assert.NotEmpty(result.Diagnostic!.Errors);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
