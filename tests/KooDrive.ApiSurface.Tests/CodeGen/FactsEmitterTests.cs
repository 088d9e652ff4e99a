using KooDrive.ApiSurface.Generation;
using KooDrive.ApiSurface.Tests.Generation;
using KooDrive.CodeGen;
using YamlDotNet.RepresentationModel;

namespace KooDrive.ApiSurface.Tests.CodeGen;

/// <summary>
/// The operation facts follow the spec: an edit of a rule, a marker or an operation changes the generated code,
/// with no hand-written file involved. Generation runs in-process with the build's NSwag and settings.
/// </summary>
public class FactsEmitterTests
{
    [Fact]
    public async Task A_limit_changed_in_the_spec_changes_the_generated_check()
    {
        using var spec = SpecCopy.Of(RepoPaths.Spec);
        var maxItems = Scalar(spec.Map("components", "schemas", "DeleteBackupScopesRequest", "properties", "scopeIdList"), "maxItems");
        spec.Map("components", "schemas", "DeleteBackupScopesRequest", "properties", "scopeIdList").Children["maxItems"] = "7";

        var before = await RepoFacts.Value;
        var after = await FactsAsync(spec.Save());

        // The limit is a constant of the request model, which the generated check and the bulk helpers both read.
        Assert.Contains($"internal const int ScopeIdListMaxItems = {maxItems};", before, StringComparison.Ordinal);
        Assert.Contains("internal const int ScopeIdListMaxItems = 7;", after, StringComparison.Ordinal);
        Assert.Contains("Count > ScopeIdListMaxItems) checker.Fail(\"ScopeIdList\", \"maxItems\", \"must hold at most 7 items (spec: maxItems 7)\");", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lease_changed_in_the_spec_changes_the_generated_lease()
    {
        using var spec = SpecCopy.Of(RepoPaths.Spec);
        var create = (YamlMappingNode)spec.Map("paths", "/koodrive/ose/v1/backup/lock").Children["post"];
        var renew = (YamlMappingNode)spec.Map("paths", "/koodrive/ose/v1/backup/lock").Children["patch"];
        var (created, renewed) = (Scalar(create, "x-koodrive-lease-seconds"), Scalar(renew, "x-koodrive-lease-seconds"));
        create.Children["x-koodrive-lease-seconds"] = "120";

        var before = await RepoFacts.Value;
        var after = await FactsAsync(spec.Save());

        Assert.Contains($"CreateBackupLockLease = global::System.TimeSpan.FromSeconds({created});", before, StringComparison.Ordinal);
        Assert.Contains("CreateBackupLockLease = global::System.TimeSpan.FromSeconds(120);", after, StringComparison.Ordinal);
        Assert.Contains($"RenewBackupLockLease = global::System.TimeSpan.FromSeconds({renewed});", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_parameter_rule_and_a_header_pattern_changed_in_the_spec_change_the_generated_checks()
    {
        using var spec = SpecCopy.Of(RepoPaths.Spec);
        spec.Map("components", "parameters", "DeviceId", "schema").Children["minLength"] = "5";

        var after = await FactsAsync(spec.Save());

        Assert.Contains("if (deviceId.Length < 5) checker.Fail(\"deviceId\", \"minLength\", \"must be at least 5 characters long (spec: minLength 5)\");", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_marked_as_an_ID_becomes_an_ID_field_and_an_unmarked_one_stops_being_one()
    {
        using var spec = SpecCopy.Of(RepoPaths.Spec);
        var entity = spec.Map("components", "schemas", "BoundDeviceEntity", "properties");
        ((YamlMappingNode)entity.Children["machineCode"]).Children["x-koodrive-id"] = "true";
        ((YamlMappingNode)entity.Children["deviceId"]).Children.Remove("x-koodrive-id");

        var before = await RepoFacts.Value;
        var after = await FactsAsync(spec.Save());

        Assert.Contains("\"deviceId\" => global::KooDrive.Generated.Serialization.IdKind.Scalar", IdFactsOf(before, "BoundDeviceEntity"), StringComparison.Ordinal);
        Assert.Contains("\"machineCode\" => global::KooDrive.Generated.Serialization.IdKind.Scalar", IdFactsOf(after, "BoundDeviceEntity"), StringComparison.Ordinal);
        Assert.DoesNotContain("\"deviceId\"", IdFactsOf(after, "BoundDeviceEntity"), StringComparison.Ordinal);

        // The generated reader follows: an ID is read exactly from the raw text, any other string as written.
        Assert.Contains("target.MachineCode = global::KooDrive.Generated.Serialization.ModelReading.ReadString(reader);", ModelCodeOf(before, "BoundDeviceEntity"), StringComparison.Ordinal);
        Assert.Contains("target.MachineCode = global::KooDrive.Generated.Serialization.IdReader.ReadScalar(reader);", ModelCodeOf(after, "BoundDeviceEntity"), StringComparison.Ordinal);
        Assert.Contains("target.DeviceId = global::KooDrive.Generated.Serialization.ModelReading.ReadString(reader);", ModelCodeOf(after, "BoundDeviceEntity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_property_added_to_a_schema_is_read_and_written_by_the_generated_model_code()
    {
        using var spec = SpecCopy.Of(RepoPaths.Spec);
        var entity = spec.Map("components", "schemas", "BoundDeviceEntity", "properties");
        entity.Children["slotCount"] = new YamlMappingNode { { "type", "integer" }, { "format", "int32" }, { "nullable", "true" }, { "description", "Slots." } };

        var before = ModelCodeOf(await RepoFacts.Value, "BoundDeviceEntity");
        var after = ModelCodeOf(await FactsAsync(spec.Save()), "BoundDeviceEntity");

        Assert.DoesNotContain("slotCount", before, StringComparison.Ordinal);
        Assert.Contains("case \"slotCount\":", after, StringComparison.Ordinal);
        Assert.Contains("target.SlotCount = global::KooDrive.Generated.Serialization.ModelReading.ReadInt32(reader, nullable: true);", after, StringComparison.Ordinal);
        Assert.Contains("writer.WritePropertyName(\"slotCount\");", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_operation_in_the_spec_gets_a_descriptor_validation_and_attachment()
    {
        using var spec = SpecCopy.Of(RepoPaths.Spec);
        var paths = spec.Map("paths");
        var unbind = (YamlMappingNode)spec.Map("paths", "/koodrive/ose/v1/backup/device/{deviceId}").Children["delete"];
        var get = new YamlStream();
        get.Load(new StringReader("""
            tags: [Backup]
            operationId: ZzProbeDevice
            summary: A probe operation that cannot be real.
            description: A probe operation that cannot be real.
            parameters:
              - name: limit
                in: query
                required: true
                description: A probe limit.
                schema: { type: integer, format: int32, minimum: 1, maximum: 42 }
            responses:
              '200':
                description: OK.
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/KooDriveResult'
            """));
        paths.Add("/koodrive/ose/v1/probe/{deviceId}", new YamlMappingNode
        {
            { "parameters", new YamlSequenceNode(new YamlMappingNode { { "$ref", "#/components/parameters/DeviceId" } }) },
            { "get", get.Documents[0].RootNode },
        });
        Assert.NotNull(unbind);

        var after = await FactsAsync(spec.Save());

        Assert.Contains("ZzProbeDevice = new(\"ZzProbeDevice\", \"BackupClient\", \"GET\", \"koodrive/ose/v1/probe/{deviceId}\", typeof(global::KooDrive.Generated.KooDriveResult), true);", after, StringComparison.Ordinal);
        var validate = Assert.Single(after.Split('\n'), l => l.Contains("partial void ValidateZzProbeDevice(", StringComparison.Ordinal));
        Assert.Contains("string deviceId", validate, StringComparison.Ordinal);
        Assert.Contains("int limit", validate, StringComparison.Ordinal);
        Assert.Contains("checker.Fail(\"limit\", \"maximum\", \"must be at most 42 (spec: maximum 42)\")", after, StringComparison.Ordinal);
        Assert.Contains("partial void AttachZzProbeDeviceOperation(", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_schema_that_allows_extra_members_is_refused_with_what_to_change()
    {
        using var spec = SpecCopy.Of(RepoPaths.Spec);
        spec.Map("components", "schemas", "DeleteBackupScopesRequest").Children.Remove("additionalProperties");

        var error = await Assert.ThrowsAsync<SpecException>(() => FactsAsync(spec.Save()));

        Assert.Contains("DeleteBackupScopesRequest", error.Message, StringComparison.Ordinal);
        Assert.Contains("additionalProperties: false", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("^[^\\x00-\\x1F\\x7F]+$", "^[^\\x00-\\x1F\\x7F]+\\z")]
    [InlineData("^(?:$|/[^\\\\]*$)", "^(?:\\z|/[^\\\\]*\\z)")]
    [InlineData("^[$]\\$$", "^[$]\\$\\z")]
    [InlineData("^[]$]x$", "^[]$]x\\z")]
    public void Spec_patterns_end_at_the_end_of_the_value_as_in_JSON_Schema(string pattern, string dotnet) =>
        Assert.Equal(dotnet, EcmaPattern.ForDotNet(pattern));

    // The committed spec's facts, generated once for every test that compares an edit against them.
    private static readonly Lazy<Task<string>> RepoFacts = new(() => FactsAsync(RepoPaths.Spec));

    private static async Task<string> FactsAsync(string specPath)
    {
        var client = await NSwagClientGenerator.GenerateAsync(Path.Combine(RepoPaths.Generator, "nswag.json"), specPath);
        return FactsEmitter.Emit(SpecReader.Load(specPath), client, NSwagClientGenerator.DefaultNamespace);
    }

    // The ID facts of one model: the switch the generator emits for it.
    private static string IdFactsOf(string facts, string model)
    {
        var start = facts.IndexOf($"if (type == typeof(global::KooDrive.Generated.{model}))", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The generated facts have no ID fields for {model}.");
        return facts[start..facts.IndexOf("};", start, StringComparison.Ordinal)];
    }

    // The generated reader and writer of one model, up to the next model's reader.
    private static string ModelCodeOf(string facts, string model)
    {
        var start = facts.IndexOf($"public static global::KooDrive.Generated.{model}? Read{model}(", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The generated facts have no reader for {model}.");
        var end = facts.IndexOf("/// <summary>Reads a <see cref=", start + 1, StringComparison.Ordinal);
        return end < 0 ? facts[start..] : facts[start..end];
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[key]).Value!;
}
