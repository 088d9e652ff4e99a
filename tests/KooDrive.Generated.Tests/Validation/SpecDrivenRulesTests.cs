using System.Net;
using KooDrive.Generated.Serialization;
using KooDrive.Generated.Spec;
using KooDrive.Generated.Tests.Support;
using KooDrive.Generated.Validation;
using Microsoft.OpenApi;
using Newtonsoft.Json.Linq;

namespace KooDrive.Generated.Tests.Validation;

/// <summary>The rules are read from the spec, so a spec change moves them; nothing here is a second copy.</summary>
public class SpecDrivenRulesTests
{
    [Fact]
    public void The_embedded_spec_has_every_operation_parameter_and_constraint_of_spec_openapi_yaml()
    {
        var embedded = EmbeddedSpec.Rules;
        var checkedParameters = 0;
        foreach (var (path, item) in SpecDocument.Document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                var model = Assert.Single(embedded.Operations, o => o.OperationId == operation.OperationId);
                Assert.Equal(method.Method, model.Method);
                Assert.Equal(path, model.PathTemplate);
                Assert.Equal(((OpenApiSchemaReference?)operation.Responses!["200"].Content!["application/json"].Schema)?.Reference.Id, model.SuccessSchema);
                Assert.Equal(((OpenApiSchemaReference?)operation.RequestBody?.Content!["application/json"].Schema)?.Reference.Id, model.RequestBodySchema);

                var yamlParameters = (item.Parameters ?? []).Concat(operation.Parameters ?? []).ToArray();
                Assert.Equal(yamlParameters.Length, model.Parameters.Count);
                foreach (var parameter in yamlParameters)
                {
                    var actual = Assert.Single(model.Parameters, p => p.Name == parameter.Name);
                    Assert.Equal(parameter.In.ToString()!.ToUpperInvariant(), actual.In.ToUpperInvariant());
                    Assert.Equal(parameter.Required, actual.Required);
                    Assert.Equal(parameter.Schema!.MinLength, actual.Rule?.MinLength);
                    Assert.Equal(parameter.Schema.MaxLength, actual.Rule?.MaxLength);
                    Assert.Equal(parameter.Schema.Pattern, actual.Rule?.Pattern);
                    checkedParameters++;
                }
            }
        }

        // Every parameter of every operation, counted independently of the loop above.
        Assert.Equal(SpecModel.Operations(SpecDocument.Document).Sum(o => SpecModel.Parameters(SpecDocument.Document, o.Operation.OperationId!).Count), checkedParameters);
    }

    [Theory]
    [InlineData("POST", "koodrive/ose/v1/backup/device/1/scope", "AddBackupScopes")]
    [InlineData("DELETE", "koodrive/ose/v1/backup/device/1/scope", "DeleteBackupScopes")]
    [InlineData("DELETE", "koodrive/ose/v1/backup/device/1", "UnbindDevice")]
    [InlineData("DELETE", "koodrive/ose/v1/backup/device/", "UnbindDevice")]
    [InlineData("DELETE", "koodrive/ose/v1/backup/record/1", "DeleteBackupRecord")]
    [InlineData("DELETE", "koodrive/ose/v1/1795607640592646273/batchDelete", "DeleteAlbumContents")]
    [InlineData("DELETE", "koodrive/ose/v1/backup/batchDelete", "DeleteAlbumContents")]
    [InlineData("GET", "koodrive/ose/v1/backup/device/1", null)]
    [InlineData("DELETE", "koodrive/ose/v2/backup/device/1", null)]
    public void A_request_is_matched_to_its_spec_operation_by_method_and_path(string method, string url, string? operationId)
    {
        Assert.Equal(operationId, EmbeddedSpec.Rules.FindOperation(method, url)?.OperationId);
    }

    [Fact]
    public void A_path_parameter_rule_changed_in_the_spec_changes_what_is_refused()
    {
        var stricter = LoadEmbedded();
        stricter.SelectToken("components.parameters.DeviceId.schema")!["minLength"] = 5;
        var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("koodrive/ose/v1/backup/device/1234", UriKind.Relative));

        Assert.NotNull(RequestParameterValidator.Validate(request, EmbeddedSpec.Rules));
        var error = Assert.Throws<KooDriveValidationException>(() => RequestParameterValidator.Validate(request, SpecRules.Load(stricter)));
        Assert.Equal("deviceId", error.ParamName);
        Assert.Contains("minLength 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_pattern_changed_in_the_spec_changes_what_is_refused()
    {
        var stricter = LoadEmbedded();
        var lockId = stricter.SelectToken("paths['/koodrive/ose/v1/backup/record/{recordId}'].delete.parameters")!.Single(p => (string?)p["name"] == "x-backup-lock-id");
        lockId["schema"]!["pattern"] = "^[0-9a-f-]+@10[0-2]$";
        var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("koodrive/ose/v1/backup/record/1", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("x-backup-lock-id", "not-a-lock@999");

        Assert.NotNull(RequestParameterValidator.Validate(request, EmbeddedSpec.Rules));
        var error = Assert.Throws<KooDriveValidationException>(() => RequestParameterValidator.Validate(request, SpecRules.Load(stricter)));
        Assert.Equal("backupLockId", error.ParamName);
    }

    [Fact]
    public void Body_rules_the_annotations_cannot_carry_follow_the_spec()
    {
        var changed = LoadEmbedded();
        changed.SelectToken("components.schemas.ScopeBaseInfo")!["x-koodrive-not-both-empty"]!.Parent!.Remove();
        changed.SelectToken("components.schemas.DeleteAlbumContentsRequest.properties.ids.items")!["maxLength"] = 3;
        var resolver = new KooDriveContractResolver(SpecRules.Load(changed));
        var bothEmpty = new AddBackupScopesRequest { ModuleCode = ModuleCode.FolderBackup, ScopeList = { new ScopeBaseInfo() } };
        var longId = new DeleteAlbumContentsRequest { Ids = { "abcd" } };

        Assert.Throws<KooDriveValidationException>(() => RequestBodyValidator.Validate(bothEmpty, "request", KooDriveContractResolver.Instance));
        RequestBodyValidator.Validate(bothEmpty, "request", resolver);

        RequestBodyValidator.Validate(longId, "request", KooDriveContractResolver.Instance);
        var error = Assert.Throws<KooDriveValidationException>(() => RequestBodyValidator.Validate(longId, "request", resolver));
        Assert.Equal("request.Ids[0]", error.ParamName);
    }

    [Fact]
    public void A_field_marked_as_an_ID_in_the_spec_is_read_exactly_and_an_unmarked_one_is_not_touched()
    {
        var changed = LoadEmbedded();
        changed.SelectToken("components.schemas.BoundDeviceEntity.properties.machineCode")!["x-koodrive-id"] = true;
        changed.SelectToken("components.schemas.BoundDeviceEntity.properties.deviceId")!["x-koodrive-id"]!.Parent!.Remove();
        var settings = KooDriveJsonSettings.Create();
        settings.ContractResolver = new KooDriveContractResolver(SpecRules.Load(changed));

        var entity = Newtonsoft.Json.JsonConvert.DeserializeObject<BoundDeviceEntity>("""{"deviceId":"d-1","machineCode":2.0250911E7}""", settings)!;

        Assert.Equal("20250911", entity.MachineCode);
        Assert.Equal("d-1", entity.DeviceId);
    }

    [Theory]
    [InlineData("^[^\\x00-\\x1F\\x7F]+$", "^[^\\x00-\\x1F\\x7F]+\\z")]
    [InlineData("^(?:$|/[^\\\\]*$)", "^(?:\\z|/[^\\\\]*\\z)")]
    [InlineData("^[$]\\$$", "^[$]\\$\\z")]
    [InlineData("^[]$]x$", "^[]$]x\\z")]
    public void Spec_patterns_end_at_the_end_of_the_value_as_in_JSON_Schema(string pattern, string dotnet)
    {
        Assert.Equal(dotnet, StringRule.WithEcmaEnd(pattern));
    }

    [Fact]
    public void Every_ID_like_property_in_the_spec_is_marked_as_an_ID()
    {
        var unmarked = new List<string>();
        foreach (var (schemaName, schema) in SpecDocument.Document.Components!.Schemas!)
        {
            foreach (var (name, property) in AllProperties(schema))
            {
                var target = name.EndsWith("IdList", StringComparison.Ordinal) ? property.Items : property;
                if ((name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("IdList", StringComparison.Ordinal))
                    && target?.Extensions?.ContainsKey("x-koodrive-id") != true)
                {
                    unmarked.Add($"{schemaName}.{name}");
                }
            }
        }

        Assert.Empty(unmarked);
    }

    [Fact]
    public async Task A_request_body_is_validated_against_the_same_spec_the_client_sends_it_with()
    {
        // The serializer's validation runs before the first byte: a broken body never reaches the handler,
        // and a good one is sent byte for byte as serialized.
        var handler = StubHandler.Answer(HttpStatusCode.OK, """{"code":0}""");
        var album = TestClients.Album(handler);

        await album.DeleteAlbumContentsAsync("1", new DeleteAlbumContentsRequest { Ids = { "Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW" } });
        await Assert.ThrowsAsync<KooDriveValidationException>(() => album.DeleteAlbumContentsAsync("1", new DeleteAlbumContentsRequest { Ids = { string.Empty } }));

        Assert.Equal("""{"ids":["Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW"]}""", Assert.Single(handler.Requests).Body);
    }

    private static IEnumerable<(string Name, IOpenApiSchema Schema)> AllProperties(IOpenApiSchema schema) =>
        (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Select(p => (p.Key, p.Value))
            .Concat((schema.AllOf ?? []).SelectMany(AllProperties));

    private static JObject LoadEmbedded()
    {
        using var stream = typeof(KooDriveResult).Assembly.GetManifestResourceStream(EmbeddedSpec.ResourceName)!;
        using var reader = new StreamReader(stream);
        return JObject.Parse(reader.ReadToEnd());
    }
}
