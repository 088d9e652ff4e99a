using System.Net;
using System.Text;
using KooDrive.Emulator.Api;
using KooDrive.Emulator.Spec;
using KooDrive.Emulator.Tests.Support;
using Microsoft.OpenApi;

namespace KooDrive.Emulator.Tests.Spec;

/// <summary>
/// The emulator follows spec/openapi.yaml: its routes and parameter rules are read from the spec, and a
/// spec operation without behaviour (or a behaviour without a spec operation, or a model that drifted
/// from its schema) fails here, and only here.
/// </summary>
public class SpecParityTests : EmulatorTest
{
    // A name no KooDrive operation can have, at a path no KooDrive operation uses.
    private const string MadeUpOperationId = "FrobnicateQuuxWidgets";

    private const string MadeUpOperation = $$"""
          /koodrive/ose/v1/zz-made-up/{widgetId}:
            post:
              tags: [Backup]
              operationId: {{MadeUpOperationId}}
              parameters:
                - name: widgetId
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                '200':
                  description: Frobnicated.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/KooDriveResult'

        """;

    [Fact]
    public void Every_spec_operation_has_an_emulator_route_and_every_route_a_spec_operation()
    {
        var specOperations = SpecExamples.Document.Paths
            .SelectMany(p => p.Value.Operations!.Select(o => (o.Key.Method.ToUpperInvariant(), p.Key, o.Value.OperationId!)))
            .Order()
            .ToList();
        var routes = Harness.Emulator.Routes.Select(r => (r.Method, r.PathTemplate, r.OperationId)).Order().ToList();

        Assert.Equal(specOperations, routes);
        Assert.Equal(specOperations.Select(o => o.Item3).Order(StringComparer.Ordinal), EmulatorOperations.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_spec_operation_has_emulator_behaviour_and_models_that_match_its_schemas()
    {
        var problems = SpecConformance.Check(SpecExamples.Document, Harness.Emulator.Routes, OperationTable.Behaviours());

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_documented_request_example_satisfies_the_specs_body_rules()
    {
        var checkedExamples = 0;
        foreach (var operation in OperationTable.Build(SpecExamples.Document, OperationTable.Behaviours()).Where(o => o.RequestSchema is not null))
        {
            var example = SpecExamples.Request(operation.PathTemplate, new HttpMethod(operation.Method));

            Assert.True(BodyRules.Check(example, operation.RequestSchema!, string.Empty) is null, $"{operation.OperationId}: {BodyRules.Check(example, operation.RequestSchema!, string.Empty)}");
            checkedExamples++;
        }

        Assert.Equal(SpecExamples.Document.Paths.Values.SelectMany(p => p.Operations!.Values).Count(o => o.RequestBody is not null), checkedExamples);
    }

    [Fact]
    public void The_spec_embedded_in_the_emulator_is_the_repositorys()
    {
        using var embedded = typeof(KooDriveEmulator).Assembly.GetManifestResourceStream(SpecLoader.ResourceName)!;
        using var reader = new StreamReader(embedded, Encoding.UTF8);

        Assert.Equal(SpecExamples.SpecText, reader.ReadToEnd());
    }

    [Fact]
    public async Task Every_spec_operation_answers_over_HTTP_from_the_emulator_not_the_gateway()
    {
        var client = Harness.RawClient();
        foreach (var (path, item) in SpecExamples.Document.Paths)
        {
            foreach (var method in item.Operations!.Keys)
            {
                var url = path.Replace("{deviceId}", "1", StringComparison.Ordinal).Replace("{recordId}", "1", StringComparison.Ordinal).Replace("{albumId}", "1", StringComparison.Ordinal);
                var response = await EmulatorHarness.SendAsync(client, method, url.TrimStart('/'));

                Assert.True(response.Status == HttpStatusCode.BadRequest && response.Code == 13000101, $"{method} {path}: {response.Status} {response.Text}");
            }
        }
    }

    [Fact]
    public async Task A_spec_operation_without_behaviour_fails_only_the_parity_check_which_names_the_file_to_add()
    {
        // What a new operation in the spec does before anyone writes its behaviour: the emulator still
        // starts and serves everything else, answers the new operation with 501, and the check above
        // reports it once.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(SpecExamples.SpecText.Replace("\ncomponents:\n", "\n" + MadeUpOperation + "components:\n", StringComparison.Ordinal)));
        var spec = SpecLoader.Load(stream);
        await using var harness = await EmulatorHarness.StartAsync(options => options.Spec = spec);

        // Only the made-up operation's problems: another operation still waiting for behaviour is reported by the check above.
        var problem = Assert.Single(SpecConformance.Check(spec, harness.Emulator.Routes, OperationTable.Behaviours()), p => p.Contains(MadeUpOperationId, StringComparison.Ordinal));
        var made = await EmulatorHarness.SendAsync(harness.Client(AuthMode.Bearer), HttpMethod.Post, "koodrive/ose/v1/zz-made-up/1");
        var existing = await EmulatorHarness.SendAsync(harness.Client(AuthMode.Bearer), HttpMethod.Get, "koodrive/ose/v1/backup/device");

        Assert.Contains($"{MadeUpOperationId} (POST /koodrive/ose/v1/zz-made-up/{{widgetId}}) has no emulator behaviour", problem, StringComparison.Ordinal);
        Assert.Contains($"src/KooDrive.Emulator/Operations/{MadeUpOperationId}Operation.cs", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotImplemented, made.Status);
        Assert.Contains($"{MadeUpOperationId}Operation.cs", made.Msg, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, existing.Status);
    }

    [Fact]
    public void An_emulator_route_the_spec_lacks_is_reported()
    {
        var text = SpecExamples.SpecText;
        var start = text.IndexOf("  /koodrive/ose/v1/{albumId}/batchDelete:", StringComparison.Ordinal);
        var end = text.IndexOf("\ncomponents:\n", StringComparison.Ordinal);

        var problems = Check(text[..start] + text[(end + 1)..]);

        Assert.Contains(problems, p => p.Contains("serves DeleteAlbumContents (DELETE /koodrive/ose/v1/{albumId}/batchDelete), which the spec does not define", StringComparison.Ordinal));
        Assert.Contains("The emulator's DeleteAlbumContentsOperation serves DeleteAlbumContents, which the spec does not define.", problems);
    }

    [Fact]
    public void A_schema_property_the_emulators_model_lacks_is_reported()
    {
        var problems = Check(SpecExamples.SpecText.Replace(
            "        machineCode:\n          type: string\n          nullable: true\n          description: Machine code.",
            "        serialNumber:\n          type: string\n          nullable: true\n          description: Serial number.",
            StringComparison.Ordinal));

        Assert.Contains(problems, p => p.EndsWith("BoundDeviceEntity.serialNumber is in the spec but not in the emulator's BoundDeviceEntityModel.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EndsWith("The emulator's BoundDeviceEntityModel.machineCode is not in the spec's BoundDeviceEntity.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_property_whose_type_changed_is_reported()
    {
        var problems = Check(SpecExamples.SpecText.Replace(
            "            scopeIdList:\n              type: array\n              nullable: true\n              description: Backup scope that is successfully deleted.\n              items:\n                type: string",
            "            scopeIdList:\n              type: array\n              nullable: true\n              description: Backup scope that is successfully deleted.\n              items:\n                type: integer",
            StringComparison.Ordinal));

        Assert.Contains("DeleteBackupScopesResponse.scopeIdList[]: the spec has an integer; the emulator has String.", problems);
    }

    private IReadOnlyList<string> Check(string specText)
    {
        Assert.NotEqual(SpecExamples.SpecText, specText);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(specText));
        OpenApiDocument document = SpecLoader.Load(stream);
        return SpecConformance.Check(document, Harness.Emulator.Routes, OperationTable.Behaviours());
    }
}
