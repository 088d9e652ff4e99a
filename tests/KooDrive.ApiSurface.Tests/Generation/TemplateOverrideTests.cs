using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using KooDrive.ApiSurface.Generation;

namespace KooDrive.ApiSurface.Tests.Generation;

/// <summary>
/// generator/Templates overrides NSwag's templates, mostly to add XML documentation. A wrapper renders NSwag's
/// original in place and edits its output: these tests hold that what it generates is NSwag's code plus
/// doc-comment lines. A copied template must be its NSwag original plus doc-comment lines, so an NSwag upgrade
/// that changes it fails here (re-copy the new original and re-apply the docs) instead of silently keeping old code.
/// </summary>
public partial class TemplateOverrideTests
{
    private static readonly string TemplateDirectory = Path.Combine(RepoPaths.Generator, "Templates");

    /// <summary>
    /// Full-template overrides that deliberately change generated code, with the reason. They are exempt from
    /// the docs-only rule and must be re-diffed by hand against NSwag's original on every NSwag upgrade.
    /// (Hook templates, whose originals are empty, such as Class.Property.Annotations, need no entry.)
    /// </summary>
    private static readonly Dictionary<string, string> ApprovedCodeChanges = new(StringComparer.Ordinal)
    {
        ["Client.Class"] = "Each generated method calls its Validate<Operation> partial method (the spec's rules, compiled by "
            + "generator/KooDrive.CodeGen) before it builds the request, and declares that partial method and "
            + "Attach<Operation>Operation next to itself. A JSON body is written once, as UTF-8 into a pooled buffer, by "
            + "KooDrive.Generated.Http.KooDriveJsonContent with the body model's generated writer (KooDriveModelIO.Write, "
            + "the calls its Newtonsoft contract would make): the bytes sent are the bytes the signature hashes. The method "
            + "and Accept header reuse the runtime's cached HttpMethod and the spec's media type as sent, instead of "
            + "allocating and parsing them on every call. "
            + "JsonSerializerSettings and ObjectResponseResult<T> are private: "
            + "they are NSwag's internals, not part of the SDK's API. A typed default (error) response is not read by the "
            + "generated dispatch: ProcessResponseAsync has thrown the mapped exception for every status but 200, and "
            + "NSwag's generic KooDriveApiException<TResult> would be a public type that is never thrown. Re-diff by hand "
            + "on an NSwag upgrade.",
        ["Client.Class.ReadObjectResponse"] = "Replaced, not copied: the body is bound in one streaming pass by "
            + "KooDrive.Generated.Serialization.ResponseBodyReader, which also checks the envelope and types every failure.",
    };

    public static TheoryData<string> Overrides()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TemplateDirectory, "*.liquid").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Overrides))]
    public void An_override_is_its_NSwag_original_plus_documentation_lines_only(string template)
    {
        var original = NSwagTemplates.Embedded(template);
        Assert.True(original is not null, $"generator/Templates/{template}.liquid overrides no template of NSwag {NSwagTemplates.NSwagVersion}; remove it or fix its name.");
        var text = File.ReadAllText(Path.Combine(TemplateDirectory, template + ".liquid"));
        if (original.Trim().Length == 0 || ApprovedCodeChanges.ContainsKey(template) || IsWrapper(text))
        {
            // An empty hook exists to be filled with code; an approved change is reviewed by hand; a wrapper is
            // checked by what it generates (below).
            return;
        }

        var overrideLines = Lines(text);
        var originalLines = Lines(original);

        // Walk the override: every original line must appear, in order; anything else must be documentation.
        var next = 0;
        var added = new List<string>();
        foreach (var line in overrideLines)
        {
            if (next < originalLines.Count && line == originalLines[next])
            {
                next++;
            }
            else
            {
                added.Add(line);
            }
        }

        if (next < originalLines.Count)
        {
            Assert.Fail(
                $"generator/Templates/{template}.liquid no longer contains NSwag {NSwagTemplates.NSwagVersion}'s original from line {next + 1} on " +
                $"(\"{originalLines[next].Trim()}\"). After an NSwag upgrade, copy the new original and re-apply the doc comments.");
        }

        Assert.All(added, line => Assert.True(IsDocumentation(line), $"generator/Templates/{template}.liquid adds a line that is not documentation: \"{line.Trim()}\""));
    }

    [Fact]
    public async Task A_wrapper_adds_only_documentation_lines_to_what_NSwag_generates()
    {
        var templates = Directory.EnumerateFiles(TemplateDirectory, "*.liquid").ToList();
        var wrappers = templates.Where(file => IsWrapper(File.ReadAllText(file))).ToList();
        Assert.NotEmpty(wrappers);

        // The same configuration and templates without the wrappers, so that NSwag uses its originals instead.
        var unwrapped = Directory.CreateTempSubdirectory("koodrive-templates-");
        try
        {
            var directory = Directory.CreateDirectory(Path.Combine(unwrapped.FullName, "Templates"));
            foreach (var file in templates.Except(wrappers))
            {
                File.Copy(file, Path.Combine(directory.FullName, Path.GetFileName(file)));
            }

            var unwrappedConfig = Path.Combine(unwrapped.FullName, "nswag.json");
            File.Copy(Path.Combine(RepoPaths.Generator, "nswag.json"), unwrappedConfig);

            var documented = Lines(await NSwagClientGenerator.GenerateAsync(Path.Combine(RepoPaths.Generator, "nswag.json"), RepoPaths.Spec));
            var original = Lines(await NSwagClientGenerator.GenerateAsync(unwrappedConfig, RepoPaths.Spec));

            Assert.Equal(original.Where(IsNotDocumentation), documented.Where(IsNotDocumentation));
            Assert.True(
                documented.Count(l => !IsNotDocumentation(l)) > original.Count(l => !IsNotDocumentation(l)),
                $"The wrappers ({string.Join(", ", wrappers.Select(Path.GetFileName))}) add no documentation: NSwag's output they edit has changed; adjust them.");
        }
        finally
        {
            unwrapped.Delete(recursive: true);
        }

        static bool IsNotDocumentation(string line) => !line.TrimStart().StartsWith("///", StringComparison.Ordinal);
    }

    [Fact]
    public void The_NSwag_configuration_uses_the_template_directory()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Generator, "nswag.json")));
        var directory = config.RootElement.GetProperty("codeGenerators").GetProperty("openApiToCSharpClient").GetProperty("templateDirectory").GetString();

        Assert.Equal(TemplateDirectory, Path.GetFullPath(Path.Combine(RepoPaths.Generator, directory!)));
    }

    [Fact]
    public void In_process_generation_uses_the_NSwag_version_of_the_build()
    {
        var packages = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Packages.props"));
        var msbuildVersion = packages.Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == "NSwag.MSBuild")
            .Attribute("Version")!.Value;

        Assert.Equal(msbuildVersion, NSwagTemplates.NSwagVersion);
    }

    [Theory]
    [InlineData("/// <summary>", true)]
    [InlineData("    /// <param name=\"x\">{{ Description }}{% if A %} more{% endif %}</param>", true)]
    [InlineData("{%- if enum.Description != null -%}", true)]
    [InlineData("{% endif -%}", true)]
    [InlineData("", true)]
    [InlineData("    public int X { get; }", false)]
    [InlineData("{% template Client.Class.Body %}", false)]
    [InlineData("/// {% template Evil %}", false)]
    [InlineData("{% if A %}public int X;{% endif %}", false)]
    public void Only_comment_lines_and_bare_Liquid_conditions_count_as_documentation(string line, bool expected) =>
        Assert.Equal(expected, IsDocumentation(line));

    // {% template '' %} renders the embedded template of the same name (NJsonSchema's call of the base template).
    private static bool IsWrapper(string text) => text.Contains("{% template '' %}", StringComparison.Ordinal);

    private static bool IsDocumentation(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Contains("{% template", StringComparison.Ordinal) || trimmed.Contains("{%- template", StringComparison.Ordinal))
        {
            return false;
        }

        return trimmed.Length == 0 || trimmed.StartsWith("///", StringComparison.Ordinal) || LiquidTagOnly().IsMatch(trimmed);
    }

    private static List<string> Lines(string text)
    {
        var normalized = text.TrimStart('\uFEFF').Replace("\r", string.Empty, StringComparison.Ordinal).TrimEnd('\n');
        return normalized.Length == 0 ? [] : normalized.Split('\n').ToList();
    }

    // One Liquid control tag alone on its line: it can include or skip lines, never emit code itself.
    [GeneratedRegex(@"^\{%-?\s*(if|elsif|else|endif|unless|endunless)\b[^%]*-?%\}$")]
    private static partial Regex LiquidTagOnly();
}
