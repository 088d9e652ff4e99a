using System.Text.Json.Nodes;
using KooDrive.Emulator.Spec;
using Microsoft.OpenApi;

namespace KooDrive.Emulator.Tests.Support;

/// <summary>The repository's spec/openapi.yaml, and the documented examples in it.</summary>
internal static class SpecExamples
{
    private static readonly Lazy<OpenApiDocument> Loaded = new(() =>
    {
        using var stream = File.OpenRead(RepoPaths.Spec);
        return SpecLoader.Load(stream);
    });

    public static OpenApiDocument Document => Loaded.Value;

    public static string SpecText => File.ReadAllText(RepoPaths.Spec);

    public static JsonNode Response(string path, HttpMethod method) =>
        Document.Paths[path].Operations![method].Responses!["200"].Content!["application/json"].Examples!["documented"].Value!.DeepClone();

    public static JsonNode Request(string path, HttpMethod method) =>
        Document.Paths[path].Operations![method].RequestBody!.Content!["application/json"].Examples!["documented"].Value!.DeepClone();
}
