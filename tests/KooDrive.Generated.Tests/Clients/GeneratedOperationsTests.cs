using System.Net;
using System.Reflection;
using KooDrive.Generated.Spec;
using KooDrive.Generated.Serialization;
using KooDrive.Generated.Tests.Support;
using Microsoft.OpenApi;

namespace KooDrive.Generated.Tests.Clients;

/// <summary>
/// What the build generates per operation (generator/KooDrive.CodeGen) agrees with the spec it was generated
/// from, and every generated method uses it. Counts and names come from the spec, never from this file.
/// </summary>
public class GeneratedOperationsTests
{
    public static TheoryData<string> SpecOperationIds()
    {
        var data = new TheoryData<string>();
        foreach (var (_, _, operation, _) in SpecModel.Operations(SpecDocument.Document))
        {
            data.Add(operation.OperationId!);
        }

        return data;
    }

    [Fact]
    public void There_is_one_generated_descriptor_per_spec_operation_and_no_other()
    {
        var spec = SpecModel.Operations(SpecDocument.Document)
            .Select(o => $"{o.Operation.Tags!.First().Name}Client.{o.Operation.OperationId} {o.Method.Method} {o.Path.TrimStart('/')}")
            .Order(StringComparer.Ordinal);

        var generated = KooDriveOperations.All
            .Select(o => $"{o.DisplayName} {o.Method} {o.PathTemplate}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(spec, generated);
    }

    [Theory]
    [MemberData(nameof(SpecOperationIds))]
    public void Each_descriptor_names_its_success_model_and_retry_class_as_the_spec_does(string operationId)
    {
        var (_, method, operation, _) = SpecModel.Operations(SpecDocument.Document).Single(o => o.Operation.OperationId == operationId);
        var descriptor = Assert.Single(KooDriveOperations.All, o => o.Id == operationId);

        var success = (operation.Responses!["200"].Content!["application/json"].Schema as OpenApiSchemaReference)?.Reference.Id;
        Assert.True(success == descriptor.SuccessType?.Name, $"{operationId}: the spec's 200 model is {success}, the descriptor says {descriptor.SuccessType?.Name}.");

        var idempotentByMethod = method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head || method == HttpMethod.Options;
        var declared = operation.Extensions?.TryGetValue("x-koodrive-idempotent", out var flag) == true
            ? ((JsonNodeExtension)flag).Node.GetValue<bool>()
            : (bool?)null;
        Assert.True((declared ?? idempotentByMethod) == descriptor.IsIdempotent, $"{operationId}: retry class differs from the spec.");
    }

    [Theory]
    [MemberData(nameof(SpecOperationIds))]
    public void Each_generated_method_validates_before_sending_and_attaches_its_operation(string operationId)
    {
        var descriptor = KooDriveOperations.All.Single(o => o.Id == operationId);
        var client = typeof(BackupClient).Assembly.GetType("KooDrive.Generated." + descriptor.Client, throwOnError: true)!;

        // A partial method without an implementation is removed by the compiler: these exist only when the
        // generator implemented them.
        Assert.True(client.GetMethod(descriptor.Id + "Async") is not null, $"{descriptor.Client} has no {descriptor.Id}Async.");
        Assert.True(client.GetMethod("Validate" + descriptor.Id, BindingFlags.NonPublic | BindingFlags.Instance) is not null, $"{operationId}: no generated validation.");
        Assert.True(client.GetMethod("Attach" + descriptor.Id + "Operation", BindingFlags.NonPublic | BindingFlags.Instance) is not null, $"{operationId}: no generated operation attachment.");
    }

    [Fact]
    public async Task A_generated_method_sends_its_operation_with_the_request()
    {
        var handler = StubHandler.Answer(HttpStatusCode.OK, """{"code":0,"msg":"success"}""");

        await TestClients.Backup(handler).UnbindDeviceAsync("1842812272691451648");

        Assert.Same(KooDriveOperations.UnbindDevice, Assert.Single(handler.Requests).Operation);
    }

    [Fact]
    public void Every_model_of_the_spec_is_known_as_a_model_and_its_ID_fields_as_IDs()
    {
        foreach (var (name, schema) in SpecDocument.Document.Components!.Schemas!)
        {
            var type = typeof(KooDriveResult).Assembly.GetType("KooDrive.Generated." + name);
            if (type is null || type.IsEnum)
            {
                continue;
            }

            Assert.True(KooDriveModels.IsModel(type), $"{name} is a spec model the serializer does not know.");
            foreach (var (json, property) in AllProperties(schema))
            {
                var expected = IsId(property) ? IdKind.Scalar : property.Items is { } items && IsId(items) ? IdKind.List : IdKind.None;
                Assert.True(expected == KooDriveModels.IdKindOf(type, json), $"{name}.{json}: the spec says {expected}, the generated facts say {KooDriveModels.IdKindOf(type, json)}.");
            }
        }
    }

    [Fact]
    public void No_request_model_can_carry_a_member_the_spec_does_not_declare()
    {
        // Extension data on a request could repeat a checked member after it ({"scopeIdList":[…],"scopeIdList":["abc"]}),
        // and the server takes the last key: request models have none, for every request body of the spec.
        var withExtensionData = new List<string>();
        foreach (var type in RequestModels())
        {
            if (type.GetProperties().Any(p => p.GetCustomAttributes(typeof(Newtonsoft.Json.JsonExtensionDataAttribute), inherit: true).Length > 0))
            {
                withExtensionData.Add(type.Name);
            }
        }

        Assert.True(withExtensionData.Count == 0, $"Request models with extension data: {string.Join(", ", withExtensionData)}");
    }

    [Fact]
    public void Every_ID_like_property_in_the_spec_says_whether_it_is_a_KooDrive_ID()
    {
        var unmarked = new List<string>();
        foreach (var (schemaName, schema) in SpecDocument.Document.Components!.Schemas!)
        {
            foreach (var (name, property) in AllProperties(schema))
            {
                var target = name.EndsWith("IdList", StringComparison.Ordinal) ? property.Items : property;
                if ((name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("IdList", StringComparison.Ordinal)) && !Decided(target))
                {
                    unmarked.Add($"{schemaName}.{name}");
                }
            }
        }

        Assert.Empty(unmarked);
    }

    [Fact]
    public async Task A_request_body_is_validated_before_it_is_serialized_and_sent_as_serialized()
    {
        var handler = StubHandler.Answer(HttpStatusCode.OK, """{"code":0}""");
        var album = TestClients.Album(handler);

        await album.DeleteAlbumContentsAsync("1", new DeleteAlbumContentsRequest { Ids = { "Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW" } });
        await Assert.ThrowsAsync<KooDriveValidationException>(() => album.DeleteAlbumContentsAsync("1", new DeleteAlbumContentsRequest { Ids = { string.Empty } }));

        Assert.Equal("""{"ids":["Fg7cEpaAoh1ZmUxfCPlFEMpvIfUwiKxZW"]}""", Assert.Single(handler.Requests).Body);
    }

    // Every model a request body reaches: the bodies' schemas and the models nested in them.
    private static IEnumerable<Type> RequestModels()
    {
        var pending = new Queue<Type>(SpecModel.Operations(SpecDocument.Document)
            .Select(o => o.Operation.RequestBody?.Content?["application/json"].Schema as OpenApiSchemaReference)
            .OfType<OpenApiSchemaReference>()
            .Select(r => typeof(KooDriveResult).Assembly.GetType("KooDrive.Generated." + r.Reference.Id, throwOnError: true)!));
        var seen = new HashSet<Type>();
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            yield return type;
            foreach (var property in type.GetProperties())
            {
                var candidate = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
                if (KooDriveModels.IsModel(candidate))
                {
                    pending.Enqueue(candidate);
                }
            }
        }
    }

    private static bool IsId(IOpenApiSchema? schema) =>
        (schema?.Extensions?.TryGetValue("x-koodrive-id", out var marker) == true && marker is JsonNodeExtension { Node: var node } && node.GetValue<bool>())
        || (schema?.AllOf is { Count: 1 } parts && IsId(parts[0]));

    private static bool Decided(IOpenApiSchema? schema) =>
        schema?.Extensions?.ContainsKey("x-koodrive-id") == true || (schema?.AllOf is { Count: 1 } parts && Decided(parts[0]));

    private static IEnumerable<(string Name, IOpenApiSchema Schema)> AllProperties(IOpenApiSchema schema) =>
        (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Select(p => (p.Key, p.Value))
            .Concat((schema.AllOf ?? []).SelectMany(AllProperties));
}
