using System.Net;
using System.Text;
using KooDrive.Emulator.Api;
using KooDrive.Emulator.Spec;
using KooDrive.Emulator.Tests.Support;
using Microsoft.OpenApi;

namespace KooDrive.Emulator.Tests.Spec;

/// <summary>
/// The emulator follows spec/openapi.yaml: a spec operation the emulator lacks (or an emulator route the
/// spec lacks, or a model that drifted from its schema) fails here.
/// </summary>
public class SpecParityTests : EmulatorTest
{
    private const string ExtraOperation = """
          /koodrive/ose/v1/backup/lock:
            post:
              tags: [Backup]
              operationId: CreateBackupLock
              responses:
                '200':
                  description: Created.
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
        Assert.Equal(EmulatorOperations.All.Order(StringComparer.Ordinal), routes.Select(r => r.OperationId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_emulators_routes_models_and_headers_conform_to_the_repository_spec()
    {
        Assert.Empty(SpecConformance.Check(SpecExamples.Document, Harness.Emulator.Routes, ApiOperations.All));
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
    public void A_spec_operation_the_emulator_lacks_is_reported()
    {
        var problems = Check(SpecExamples.SpecText.Replace("\ncomponents:\n", "\n" + ExtraOperation + "components:\n", StringComparison.Ordinal));

        Assert.Contains(problems, p => p.Contains("CreateBackupLock (POST /koodrive/ose/v1/backup/lock) has no emulator route", StringComparison.Ordinal));
    }

    [Fact]
    public void An_emulator_route_the_spec_lacks_is_reported()
    {
        var text = SpecExamples.SpecText;
        var start = text.IndexOf("  /koodrive/ose/v1/{albumId}/batchDelete:", StringComparison.Ordinal);
        var end = text.IndexOf("\ncomponents:\n", StringComparison.Ordinal);

        var problems = Check(text[..start] + text[(end + 1)..]);

        Assert.Contains(problems, p => p.Contains("serves DeleteAlbumContents (DELETE /koodrive/ose/v1/{albumId}/batchDelete), which the spec does not define", StringComparison.Ordinal));
    }

    [Fact]
    public void A_schema_property_the_emulators_model_lacks_is_reported()
    {
        var problems = Check(SpecExamples.SpecText.Replace(
            "        machineCode:\n          type: string\n          nullable: true\n          description: Machine code.",
            "        serialNumber:\n          type: string\n          nullable: true\n          description: Serial number.",
            StringComparison.Ordinal));

        Assert.Contains("BoundDeviceEntity.serialNumber is in the spec but not in the emulator's BoundDeviceEntityModel.", problems);
        Assert.Contains("The emulator's BoundDeviceEntityModel.machineCode is not in the spec's BoundDeviceEntity.", problems);
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

    [Fact]
    public void A_required_header_the_emulator_does_not_require_is_reported()
    {
        var problems = Check(SpecExamples.SpecText.Replace(
            "        - $ref: '#/components/parameters/TraceId'\n",
            "        - name: x-album-lock-id\n          in: header\n          required: true\n          schema:\n            type: string\n        - $ref: '#/components/parameters/TraceId'\n",
            StringComparison.Ordinal));

        Assert.Contains(problems, p => p.StartsWith("DeleteAlbumContents requires headers []; the spec requires [x-album-lock-id]", StringComparison.Ordinal));
    }

    private IReadOnlyList<string> Check(string specText)
    {
        Assert.NotEqual(SpecExamples.SpecText, specText);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(specText));
        OpenApiDocument document = SpecLoader.Load(stream);
        return SpecConformance.Check(document, Harness.Emulator.Routes, ApiOperations.All);
    }
}
