using NSwag.Commands;

namespace KooDrive.ApiSurface.Generation;

/// <summary>
/// Runs <c>generator/nswag.json</c> in-process with the NSwag assemblies of NSwag.MSBuild, the same
/// configuration, templates and variables as <c>generator/KooDrive.Generation.targets</c>, so that the code
/// it returns is what the build would compile for that spec.
/// </summary>
public static class NSwagClientGenerator
{
    /// <summary>The namespace the build generates into.</summary>
    public const string DefaultNamespace = "KooDrive.Generated";

    /// <summary>Generates the C# client for <paramref name="specPath"/>.</summary>
    /// <param name="nswagConfigPath">The NSwag configuration, normally <c>generator/nswag.json</c>.</param>
    /// <param name="specPath">The OpenAPI document (YAML or JSON).</param>
    /// <param name="clientNamespace">The namespace of the generated code.</param>
    /// <returns>The generated C# source.</returns>
    /// <exception cref="ArgumentException">A path is missing or cannot be passed as an NSwag variable.</exception>
    /// <exception cref="InvalidOperationException">NSwag produced no output.</exception>
    public static async Task<string> GenerateAsync(string nswagConfigPath, string specPath, string clientNamespace = DefaultNamespace)
    {
        var config = RequireFile(nswagConfigPath, nameof(nswagConfigPath));
        var spec = RequireFile(specPath, nameof(specPath));
        ArgumentException.ThrowIfNullOrWhiteSpace(clientNamespace);

        var output = Path.Combine(Path.GetTempPath(), $"koodrive-client-{Guid.NewGuid():N}.g.cs");
        try
        {
            // Same variables as the MSBuild target; NSwag splits them on ',' and '=' without quoting.
            RequireVariableSafe(spec, nameof(specPath));
            RequireVariableSafe(clientNamespace, nameof(clientNamespace));
            if (output.IndexOfAny([',', '=']) >= 0)
            {
                throw new InvalidOperationException($"The temporary folder '{Path.GetTempPath()}' contains ',' or '=', which NSwag's variable syntax cannot carry; set TMPDIR to another folder.");
            }

            var variables = $"Spec={spec},Output={output},Namespace={clientNamespace}";
            var document = await NSwagDocument.LoadWithTransformationsAsync(config, variables).ConfigureAwait(false);
            await document.ExecuteAsync().ConfigureAwait(false);

            return File.Exists(output)
                ? await File.ReadAllTextAsync(output).ConfigureAwait(false)
                : throw new InvalidOperationException($"NSwag reported success but wrote no client for '{spec}'.");
        }
        finally
        {
            File.Delete(output);
            // nswag.json also writes the parsed document next to the client (documentGenerator output).
            File.Delete(output + ".openapi.json");
        }
    }

    private static string RequireFile(string path, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path, parameterName);
        var full = Path.GetFullPath(path);
        return File.Exists(full) ? full : throw new ArgumentException($"No file at '{full}'.", parameterName);
    }

    private static void RequireVariableSafe(string value, string parameterName)
    {
        if (value.IndexOfAny([',', '=']) >= 0)
        {
            throw new ArgumentException($"'{value}' contains ',' or '=', which NSwag's variable syntax cannot carry.", parameterName);
        }
    }
}
