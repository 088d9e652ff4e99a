using System.Reflection;

namespace KooDrive.ApiSurface.Generation;

/// <summary>
/// The Liquid templates embedded in the NSwag and NJsonSchema assemblies that generate the client, so that
/// the overrides in <c>generator/Templates</c> can be checked against the originals they were copied from.
/// </summary>
public static class NSwagTemplates
{
    private static readonly (Assembly Assembly, string Prefix)[] Sources =
    [
        (typeof(NSwag.CodeGeneration.CSharp.CSharpClientGenerator).Assembly, "NSwag.CodeGeneration.CSharp.Templates."),
        (typeof(NJsonSchema.CodeGeneration.CSharp.CSharpGenerator).Assembly, "NJsonSchema.CodeGeneration.CSharp.Templates."),
    ];

    /// <summary>The NSwag version the templates come from (NSwag.MSBuild's).</summary>
    public static string NSwagVersion =>
        Sources[0].Assembly.GetName().Version?.ToString(3) ?? "unknown";

    /// <summary>The original template of that name, with LF line endings and no byte-order mark.</summary>
    /// <param name="templateName">A template name such as <c>Client.Class</c>.</param>
    /// <returns>The template text, or <see langword="null"/> when neither assembly has such a template.</returns>
    public static string? Embedded(string templateName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateName);
        foreach (var (assembly, prefix) in Sources)
        {
            using var stream = assembly.GetManifestResourceStream(prefix + templateName + ".liquid");
            if (stream is not null)
            {
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd().TrimStart('\uFEFF').Replace("\r", string.Empty, StringComparison.Ordinal);
            }
        }

        return null;
    }
}
