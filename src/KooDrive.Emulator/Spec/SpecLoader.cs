using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace KooDrive.Emulator.Spec;

/// <summary>Loads spec/openapi.yaml: the copy embedded at build time, or any file (tests read the repository's).</summary>
internal static class SpecLoader
{
    public const string ResourceName = "KooDrive.Emulator.openapi.yaml";

    private static readonly Lazy<OpenApiDocument> Embedded = new(LoadEmbedded);

    /// <summary>The spec the emulator was built with, parsed once per process.</summary>
    public static OpenApiDocument EmbeddedDocument => Embedded.Value;

    public static OpenApiDocument Load(Stream yaml)
    {
        var settings = new OpenApiReaderSettings();
        settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
        using var buffer = new MemoryStream();
        yaml.CopyTo(buffer);
        buffer.Position = 0;
        var result = OpenApiDocument.Load(buffer, OpenApiConstants.Yaml, settings);
        if (result.Document is null || result.Diagnostic?.Errors.Count > 0)
        {
            var errors = string.Join("; ", result.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []);
            throw new InvalidOperationException($"The spec did not load: {errors}");
        }

        return result.Document;
    }

    private static OpenApiDocument LoadEmbedded()
    {
        using var stream = typeof(SpecLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The emulator assembly has no embedded '{ResourceName}'.");
        return Load(stream);
    }
}
