using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KooDrive.DocSync;
using KooDrive.DocSync.Errata;
using KooDrive.DocSync.Pages;
using KooDrive.Generated.Tests.Support;
using Microsoft.OpenApi;

namespace KooDrive.Generated.Tests.Spec;

/// <summary>
/// Holds spec/openapi.yaml against the dated doc pages in spec/docs/, through the doc-sync tool
/// (generator/KooDrive.DocSync.Core, in-process): every fact a page states is in the spec, every fact the spec
/// states is on the page, and every difference is decided by an entry of spec/ERRATA.md.
/// </summary>
public class SpecFidelityTests
{
    private static OpenApiDocument Doc => SpecDocument.Document;

    private static readonly string DocsFolder = Path.Combine(RepoPaths.Root, "spec", "docs");

    private static readonly Lazy<ErrataBook> Errata = new(() => ErrataBook.Load(RepoPaths.Errata));

    public static TheoryData<string> Pages => [.. PageCopies()];

    public static TheoryData<string> OperationIds => [.. SpecModel.Operations(Doc).Select(o => o.Operation.OperationId!)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Each_page_matches_its_operation_in_the_spec_or_the_errata(string page)
    {
        var result = DocSyncChecker.Check([PageReader.ReadFile(Path.Combine(RepoPaths.Root, page))], Doc, Errata.Value);

        Assert.Empty(result.UnknownPages);
        Assert.True(result.Passed, "Run `dotnet run --project generator/KooDrive.DocSync -- check " + page + "`:\n" + string.Join('\n', result.Unacknowledged));
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Each_operation_names_the_dated_copy_of_its_page(string operationId)
    {
        var (path, method, op, _) = SpecModel.Operations(Doc).Single(o => o.Operation.OperationId == operationId);
        Assert.False(string.IsNullOrWhiteSpace(op.Summary));
        Assert.False(string.IsNullOrWhiteSpace(op.Description));
        Assert.StartsWith("https://", op.ExternalDocs?.Url?.ToString(), StringComparison.Ordinal);

        var copy = PageCopy(op);
        if (copy.StartsWith("spec/docs/reference/", StringComparison.Ordinal))
        {
            // Transcribed from the reference notes, not from a vendor page: the description says so, and the
            // copy may name the line the operation starts on (spec/docs/reference/koodrive-api.md:337).
            var cited = Regex.Match(copy, @"^(?<file>[^:]+)(?::(?<line>\d+))?$");
            var file = Path.Combine(RepoPaths.Root, cited.Groups["file"].Value);
            Assert.True(File.Exists(file), $"{operationId}: x-koodrive-page '{copy}' does not exist");
            Assert.True(
                !cited.Groups["line"].Success || int.Parse(cited.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) <= File.ReadAllLines(file).Length,
                $"{operationId}: x-koodrive-page '{copy}' points past the end of the file");
            Assert.Contains("reference notes", op.ExternalDocs!.Description, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, copy)), $"{operationId}: x-koodrive-page '{copy}' does not exist");
            var page = PageReader.ReadFile(Path.Combine(RepoPaths.Root, copy));
            Assert.Equal((method.Method, path), (page.Method, page.Path));
        }
    }

    [Fact]
    public void Every_page_copy_is_the_page_of_exactly_one_operation()
    {
        var named = SpecModel.Operations(Doc).Select(o => PageCopy(o.Operation)).ToList();

        Assert.All(PageCopies(), page => Assert.Equal(1, named.Count(n => n == page)));
    }

    [Fact]
    public void Security_headers_are_schemes_not_parameters()
    {
        var schemes = Doc.Components!.SecuritySchemes!;
        Assert.Equal(SecuritySchemeType.Http, schemes["bearerToken"].Type);
        Assert.Equal("bearer", schemes["bearerToken"].Scheme);
        Assert.Equal(("Authorization", ParameterLocation.Header), (schemes["appSignature"].Name, schemes["appSignature"].In!.Value));
        Assert.Equal(("X-User-Id", ParameterLocation.Header), (schemes["userId"].Name, schemes["userId"].In!.Value));
        Assert.Equal(("X-Date", ParameterLocation.Header), (schemes["signatureDate"].Name, schemes["signatureDate"].In!.Value));

        // Either credential, always with the user and the date.
        var requirements = Doc.Security!.Select(r => string.Join("+", r.Keys.Select(k => k.Reference.Id).Order(StringComparer.Ordinal)));
        Assert.Equal(["bearerToken+signatureDate+userId", "appSignature+signatureDate+userId"], requirements);

        var securityHeaderParameters = SpecModel.Operations(Doc).SelectMany(o => SpecModel.Parameters(Doc, o.Operation.OperationId!))
            .Where(p => p.Name is "Authorization" or "X-User-Id" or "X-Date");
        Assert.Empty(securityHeaderParameters);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Each_operation_documents_the_error_envelope(string operationId)
    {
        var error = SpecModel.ResponseSchema(Doc, operationId, "default");
        Assert.Equal(["code", "msg"], SpecModel.Flatten(error).Select(f => f.Path));
    }

    [Fact]
    public void Servers_are_hosts_the_reference_notes_name()
    {
        var reference = File.ReadAllText(Path.Combine(DocsFolder, "reference", "koodrive-api.md"));
        Assert.NotEmpty(Doc.Servers!);
        Assert.All(Doc.Servers!, s => Assert.Contains(new Uri(s.Url!).Host, reference, StringComparison.Ordinal));
    }

    [Fact]
    public void Module_codes_have_CSharp_names()
    {
        var moduleCode = Doc.Components!.Schemas!["ModuleCode"];
        Assert.Equal(["FolderBackup", "AlbumBackup", "AddressBookBackup"], ExtensionStrings(moduleCode, "x-enumNames"));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("/", true)]
    [InlineData("/asdkhsdahjksd", true)]
    [InlineData("/with space/ünïcode/文件", true)]
    [InlineData("relative/path", false)]
    [InlineData("/back\\slash", false)]
    [InlineData("\\leading", false)]
    public void Path_pattern_means_empty_or_slash_without_backslash(string value, bool valid)
    {
        // Errata E3: the page prints an unterminated class; the spec's pattern must be the intent.
        var pattern = Doc.Components!.Schemas!["ScopeBaseInfo"].Properties!["localPath"].Pattern!;
        Assert.Equal(valid, Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Scope_paths_may_not_both_be_empty()
    {
        var scope = Doc.Components!.Schemas!["ScopeBaseInfo"];
        Assert.Equal(["localPath", "targetFolderPath"], ExtensionStrings(scope, "x-koodrive-not-both-empty"));
    }

    [Fact]
    public void Request_lists_may_not_be_empty()
    {
        // Errata E10: every list in a request body has minItems 1.
        var lists = SpecModel.Operations(Doc)
            .Select(o => SpecModel.RequestSchema(Doc, o.Operation.OperationId!))
            .OfType<IOpenApiSchema>()
            .SelectMany(SpecModel.Flatten)
            .Where(f => SpecModel.TypeName(f.Schema) == "array")
            .ToList();

        Assert.NotEmpty(lists);
        Assert.All(lists, f => Assert.True(f.Schema.MinItems == 1, $"{f.Path}: minItems {f.Schema.MinItems}"));
    }

    [Fact]
    public void Ids_are_strings_everywhere_never_numbers()
    {
        var operations = SpecModel.Operations(Doc).Select(o => o.Operation.OperationId!).ToList();
        var idFields = operations
            .SelectMany(o => SpecModel.Flatten(SpecModel.ResponseSchema(Doc, o))
                .Concat(SpecModel.RequestSchema(Doc, o) is { } body ? SpecModel.Flatten(body) : []))
            .Where(f => f.Path.EndsWith("Id", StringComparison.Ordinal) || f.Path.EndsWith("IdList[]", StringComparison.Ordinal) || f.Path == "ids[]")
            .ToList();

        Assert.NotEmpty(idFields);
        Assert.All(idFields, f => Assert.Equal("string", SpecModel.TypeName(f.Schema)));
        Assert.All(
            operations.SelectMany(o => SpecModel.Parameters(Doc, o)).Where(p => p.Name!.EndsWith("Id", StringComparison.Ordinal)),
            p => Assert.Equal("string", SpecModel.TypeName(p.Schema!)));
    }

    [Fact]
    public void Delete_scopes_request_example_is_corrected_to_exact_string_ids()
    {
        // Errata E2: every ID a JSON string, no renderer marker, the rounded IDs replaced by the true ones.
        var media = SpecModel.Operation(Doc, "DeleteBackupScopes").RequestBody!.Content!["application/json"];
        var ids = Example(media)["scopeIdList"]!.AsArray();

        Assert.All(ids, id => Assert.Equal(System.Text.Json.JsonValueKind.String, id!.GetValueKind()));
        Assert.Equal(
            ["123", "123", "345", "1760265745989677312", "1752777931588940032", "1752990708303704321", "1842846715527366528"],
            ids.Select(id => id!.GetValue<string>()));
        Assert.Contains("Corrected", media.Examples!["documented"].Description!, StringComparison.Ordinal);
    }

    private static List<string> PageCopies() =>
        [.. DocSyncChecker.ExpandPages([DocsFolder]).Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))];

    private static string PageCopy(OpenApiOperation op) =>
        op.ExternalDocs?.Extensions?.TryGetValue("x-koodrive-page", out var page) == true && page is JsonNodeExtension { Node: JsonValue value }
            ? value.GetValue<string>()
            : throw new Xunit.Sdk.XunitException($"{op.OperationId}: externalDocs has no x-koodrive-page");

    private static JsonNode Example(IOpenApiMediaType media) => media.Examples!["documented"].Value!;

    private static IEnumerable<string> ExtensionStrings(IOpenApiSchema schema, string name) =>
        ((JsonNodeExtension)schema.Extensions![name]).Node.AsArray().Select(n => n!.GetValue<string>());
}
