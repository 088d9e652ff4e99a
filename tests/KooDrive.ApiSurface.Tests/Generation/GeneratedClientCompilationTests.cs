using KooDrive.ApiSurface.Generation;
using YamlDotNet.RepresentationModel;

namespace KooDrive.ApiSurface.Tests.Generation;

/// <summary>
/// The client generated from the spec compiles on its own, with every warning and XML doc check on, so a
/// spec that produces bad code fails here with the diagnostic and the offending generated line.
/// </summary>
public class GeneratedClientCompilationTests
{
    [Fact]
    public async Task The_client_generated_from_the_spec_compiles_with_no_diagnostics()
    {
        var source = await NSwagClientGenerator.GenerateAsync(Path.Combine(RepoPaths.Generator, "nswag.json"), RepoPaths.Spec);

        var compilation = ClientCompiler.Compile(source);

        Assert.True(compilation.Diagnostics.IsEmpty, "The generated client has diagnostics (fix spec/openapi.yaml or generator/):\n" + compilation.DescribeDiagnostics());
        Assert.NotNull(compilation.Image);
    }

    [Fact]
    public async Task A_spec_that_generates_broken_code_fails_with_the_diagnostic_and_the_generated_line()
    {
        // A default that does not fit its type is a typical transcription slip.
        using var spec = SpecCopy.Of(RepoPaths.Spec);
        spec.Map("components", "schemas", "ScopeInfo", "properties").Add("retries", new YamlMappingNode
        {
            { "type", "integer" },
            { "default", "soon" },
        });
        var source = await NSwagClientGenerator.GenerateAsync(Path.Combine(RepoPaths.Generator, "nswag.json"), spec.Save());

        var compilation = ClientCompiler.Compile(source);

        Assert.Null(compilation.Image);
        var description = compilation.DescribeDiagnostics();
        Assert.Contains("Error CS", description, StringComparison.Ordinal);
        Assert.Contains("Retries", description, StringComparison.Ordinal);
    }
}
