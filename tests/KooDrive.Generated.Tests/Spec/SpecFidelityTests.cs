using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KooDrive.Generated.Tests.Support;
using Microsoft.OpenApi;
using static KooDrive.Generated.Tests.Spec.DocumentedFacts;

namespace KooDrive.Generated.Tests.Spec;

/// <summary>Holds spec/openapi.yaml against the facts of the doc pages, in both directions.</summary>
public class SpecFidelityTests
{
    private static OpenApiDocument Doc => SpecDocument.Document;

    public static TheoryData<string> OperationIds => [.. Operations.Select(o => o.OperationId)];

    [Fact]
    public void Spec_has_exactly_the_documented_operations_of_the_documented_pages()
    {
        // The facts cover the doc pages in ../shared/docs; the spec's other operations come from the
        // research notes and are held by the errata and the emulator's tests instead.
        var pages = Operations.Select(o => $"https://support.huaweicloud.com/intl/en-us/api-koodrive-carrier/{o.DocPage}").ToHashSet(StringComparer.Ordinal);
        var actual = SpecModel.Operations(Doc)
            .Where(o => pages.Contains(o.Operation.ExternalDocs?.Url?.ToString() ?? string.Empty))
            .Select(o => $"{o.Method.Method} {o.Path} {o.Operation.OperationId}")
            .Order(StringComparer.Ordinal);
        var expected = Operations.Select(o => $"{o.Method} {o.Path} {o.OperationId}").Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Each_operation_has_its_tag_summary_description_and_doc_page(string operationId)
    {
        var fact = Operations.Single(o => o.OperationId == operationId);
        var op = SpecModel.Operation(Doc, operationId);

        Assert.Equal([fact.Tag], op.Tags!.Select(t => t.Name));
        Assert.False(string.IsNullOrWhiteSpace(op.Summary));
        Assert.False(string.IsNullOrWhiteSpace(op.Description));
        Assert.Equal(
            $"https://support.huaweicloud.com/intl/en-us/api-koodrive-carrier/{fact.DocPage}",
            op.ExternalDocs?.Url?.ToString());
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Each_operation_has_exactly_the_documented_path_and_header_parameters(string operationId)
    {
        var actual = SpecModel.Parameters(Doc, operationId)
            .Select(p => $"{p.In?.ToString().ToLowerInvariant()}:{p.Name}:{(p.Required ? "required" : "optional")}:{SpecModel.TypeName(p.Schema!)}")
            .Order(StringComparer.Ordinal);
        var expected = Parameters.Where(p => p.OperationId == operationId)
            .Select(p => $"{p.In}:{p.Name}:{(p.Required ? "required" : "optional")}:string")
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Trace_id_header_is_58_characters()
    {
        var traceId = SpecModel.Parameters(Doc, "DeleteAlbumContents").Single(p => p.Name == "X-Traceid");
        var fact = Parameters.Single(p => p.Name == "X-Traceid");

        Assert.Equal(fact.Length, traceId.Schema!.MinLength);
        Assert.Equal(fact.Length, traceId.Schema!.MaxLength);
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

        var securityHeaderParameters = Operations.SelectMany(o => SpecModel.Parameters(Doc, o.OperationId))
            .Where(p => p.Name is "Authorization" or "X-User-Id" or "X-Date");
        Assert.Empty(securityHeaderParameters);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Each_request_body_has_exactly_the_documented_fields_and_constraints(string operationId)
    {
        var facts = RequestFields.Where(f => f.OperationId == operationId).ToList();
        var schema = SpecModel.RequestSchema(Doc, operationId);
        if (facts.Count == 0)
        {
            Assert.Null(schema);
            return;
        }

        Assert.True(SpecModel.Operation(Doc, operationId).RequestBody!.Required, "documented bodies are mandatory");
        var fields = SpecModel.Flatten(schema!).ToDictionary(f => f.Path);
        Assert.Equal(facts.Select(f => f.Path).Order(StringComparer.Ordinal), fields.Keys.Order(StringComparer.Ordinal));

        foreach (var fact in facts)
        {
            var field = fields[fact.Path];
            Assert.True(fact.Type == SpecModel.TypeName(field.Schema), $"{fact.Path}: type {SpecModel.TypeName(field.Schema)}, docs say {fact.Type}");
            Assert.True(fact.Required == field.Required, $"{fact.Path}: required {field.Required}, docs say {fact.Required}");
            Assert.Equal(fact.MaxItems, field.Schema.MaxItems);
            Assert.Equal(fact.MaxLength, field.Schema.MaxLength);
            Assert.Equal(fact.Pattern, field.Schema.Pattern);
            if (fact.Enum is not null)
            {
                // A described $ref is written allOf: [$ref]; the enum lives on the referenced schema.
                var values = field.Schema.Enum ?? field.Schema.AllOf?.SingleOrDefault()?.Enum;
                Assert.Equal(fact.Enum, values!.Select(e => e!.GetValue<string>()));
            }
        }
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Each_200_response_has_exactly_the_documented_fields(string operationId)
    {
        var facts = ResponseFields.Where(f => f.OperationId == operationId).ToList();
        var fields = SpecModel.Flatten(SpecModel.ResponseSchema(Doc, operationId)).ToDictionary(f => f.Path);

        Assert.Equal(facts.Select(f => f.Path).Order(StringComparer.Ordinal), fields.Keys.Order(StringComparer.Ordinal));
        foreach (var fact in facts)
        {
            Assert.True(fact.Type == SpecModel.TypeName(fields[fact.Path].Schema), $"{fact.Path}: type {SpecModel.TypeName(fields[fact.Path].Schema)}, docs say {fact.Type}");
        }
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Each_operation_documents_the_error_envelope(string operationId)
    {
        var error = SpecModel.ResponseSchema(Doc, operationId, "default");
        Assert.Equal(["code", "msg"], SpecModel.Flatten(error).Select(f => f.Path));
    }

    [Fact]
    public void Servers_are_the_two_documented_hosts()
    {
        Assert.Equal(Servers, Doc.Servers!.Select(s => s.Url));
    }

    [Fact]
    public void Module_codes_carry_their_documented_meanings()
    {
        var moduleCode = Doc.Components!.Schemas!["ModuleCode"];
        Assert.Equal(["FolderBackup", "AlbumBackup", "AddressBookBackup"], ExtensionStrings(moduleCode, "x-enumNames"));
        Assert.Contains("100: folder backup; 101: album backup; 102: address book", moduleCode.Description, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("AddBackupScopes", "scopeList")]
    [InlineData("DeleteBackupScopes", "scopeIdList")]
    [InlineData("DeleteAlbumContents", "ids")]
    public void Request_lists_may_not_be_empty(string operationId, string field)
    {
        // Errata E10.
        var schema = SpecModel.Flatten(SpecModel.RequestSchema(Doc, operationId)!).Single(f => f.Path == field).Schema;
        Assert.Equal(1, schema.MinItems);
    }

    [Fact]
    public void Ids_are_strings_everywhere_never_numbers()
    {
        var idFields = Operations
            .SelectMany(o => SpecModel.Flatten(SpecModel.ResponseSchema(Doc, o.OperationId))
                .Concat(SpecModel.RequestSchema(Doc, o.OperationId) is { } body ? SpecModel.Flatten(body) : []))
            .Where(f => f.Path.EndsWith("Id", StringComparison.Ordinal) || f.Path.EndsWith("IdList[]", StringComparison.Ordinal) || f.Path == "ids[]")
            .ToList();

        Assert.NotEmpty(idFields);
        Assert.All(idFields, f => Assert.Equal("string", SpecModel.TypeName(f.Schema)));
        Assert.All(
            Operations.SelectMany(o => SpecModel.Parameters(Doc, o.OperationId)).Where(p => p.Name!.EndsWith("Id", StringComparison.Ordinal)),
            p => Assert.Equal("string", SpecModel.TypeName(p.Schema!)));
    }

    [Fact]
    public void Documented_request_examples_are_present()
    {
        var add = Example(SpecModel.Operation(Doc, "AddBackupScopes").RequestBody!.Content!["application/json"]);
        Assert.Equal("102", add["moduleCode"]!.GetValue<string>());
        Assert.Equal("/asdkhsdahjksd", add["scopeList"]![0]!["localPath"]!.GetValue<string>());
        Assert.Equal("/ashdjkha", add["scopeList"]![0]!["targetFolderPath"]!.GetValue<string>());

        var album = Example(SpecModel.Operation(Doc, "DeleteAlbumContents").RequestBody!.Content!["application/json"]);
        Assert.Equal(["Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW", "Fk-iQUW1a2ZkoUMvqKENGyYuX6bjvWUiZ"], album["ids"]!.AsArray().Select(n => n!.GetValue<string>()));
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

    [Fact]
    public void Documented_response_examples_are_present_verbatim()
    {
        var delete = Example(SpecModel.Operation(Doc, "DeleteBackupScopes").Responses!["200"].Content!["application/json"]);
        Assert.Equal(["1842846715527366528"], delete["scopeIdList"]!.AsArray().Select(n => n!.GetValue<string>()));
        var failed = delete["failedScopeList"]!.AsArray();
        Assert.Equal(6, failed.Count);
        Assert.Equal(("123", "15000424", "Request to repeatedly delete scopeId."), Failure(failed[0]!));
        Assert.Equal(("1752990708303704321", "15000418", "The backup scope does not exist."), Failure(failed[5]!));

        var add = Example(SpecModel.Operation(Doc, "AddBackupScopes").Responses!["200"].Content!["application/json"]);
        Assert.Equal("1842846715527366528", add["scopeList"]![0]!["scopeId"]!.GetValue<string>());
        Assert.Equal("2025-12-17T07:27:27.709Z", add["scopeList"]![0]!["createTime"]!.GetValue<string>());
        Assert.Empty(add["failedScopeList"]!.AsArray());

        var unbind = Example(SpecModel.Operation(Doc, "UnbindDevice").Responses!["200"].Content!["application/json"]);
        Assert.Equal("1775406005920779393", unbind["data"]!["deviceId"]!.GetValue<string>());
        Assert.Equal("Magic v3", unbind["data"]!["deviceName"]!.GetValue<string>());

        var record = Example(SpecModel.Operation(Doc, "DeleteBackupRecord").Responses!["200"].Content!["application/json"]);
        Assert.Equal("success", record["msg"]!.GetValue<string>());
        var album = Example(SpecModel.Operation(Doc, "DeleteAlbumContents").Responses!["200"].Content!["application/json"]);
        Assert.Equal("Success.", album["msg"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("AddBackupScopes", "deviceId", "1842812272691451648")]
    [InlineData("DeleteBackupRecord", "recordId", "1842862763295184641")]
    [InlineData("DeleteBackupRecord", "x-backup-lock-id", "78e41c7e-db02-4d55-85b3-8153e4fefd2e@102")]
    [InlineData("DeleteAlbumContents", "albumId", "1795607640592646273")]
    public void Documented_parameter_examples_are_present(string operationId, string name, string example)
    {
        var parameter = SpecModel.Parameters(Doc, operationId).Single(p => p.Name == name);
        Assert.Equal(example, parameter.Example!.GetValue<string>());
    }

    private static JsonNode Example(IOpenApiMediaType media) => media.Examples!["documented"].Value!;

    private static (string, string, string) Failure(JsonNode node) =>
        (node["scopeId"]!.GetValue<string>(), node["errorCode"]!.GetValue<string>(), node["msg"]!.GetValue<string>());

    private static IEnumerable<string> ExtensionStrings(IOpenApiSchema schema, string name) =>
        ((JsonNodeExtension)schema.Extensions![name]).Node.AsArray().Select(n => n!.GetValue<string>());
}
