using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace KooDrive.Generated.Tests.Support;

/// <summary>Loads spec/openapi.yaml with Microsoft.OpenApi, once per test run.</summary>
internal static class SpecDocument
{
    private static readonly Lazy<ReadResult> Loaded = new(() => Load(RepoPaths.Spec));

    public static ReadResult Result => Loaded.Value;

    public static OpenApiDocument Document =>
        Result.Document ?? throw new InvalidOperationException("spec/openapi.yaml did not load.");

    public static ReadResult Load(string path)
    {
        var settings = new OpenApiReaderSettings();
        settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
        using var stream = File.OpenRead(path);
        return OpenApiDocument.LoadAsync(stream, OpenApiConstants.Yaml, settings).GetAwaiter().GetResult();
    }
}
