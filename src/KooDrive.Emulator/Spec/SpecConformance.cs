using System.Reflection;
using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using Microsoft.OpenApi;

namespace KooDrive.Emulator.Spec;

/// <summary>
/// Compares the emulator with the spec: every spec operation is routed and has a behaviour class (and
/// every behaviour class names a spec operation), and for each operation with behaviour, the models its
/// body and 200 answer serialise as are mapped to the spec's schemas and match them (same property names
/// and kinds, recursively).
/// </summary>
internal static class SpecConformance
{
    public static IReadOnlyList<string> Check(OpenApiDocument spec, IReadOnlyList<EmulatorRoute> routes, IReadOnlyDictionary<string, IOperationBehaviour> behaviours)
    {
        var problems = new List<string>();
        var operations = OperationTable.Build(spec, behaviours);
        var specRoutes = operations.ToDictionary(o => (o.Method, o.PathTemplate));
        var served = routes.ToDictionary(r => (r.Method, r.PathTemplate));
        foreach (var operation in operations)
        {
            if (!served.TryGetValue((operation.Method, operation.PathTemplate), out var route))
            {
                problems.Add($"The spec's {operation.OperationId} ({operation.Method} {operation.PathTemplate}) has no emulator route.");
            }
            else if (route.OperationId != operation.OperationId)
            {
                problems.Add($"{operation.Method} {operation.PathTemplate} is {operation.OperationId} in the spec but {route.OperationId} in the emulator.");
            }

            if (operation.Behaviour is null)
            {
                problems.Add(
                    $"The spec's {operation.OperationId} ({operation.Method} {operation.PathTemplate}) has no emulator behaviour: add " +
                    $"{OperationTable.BehaviourFile(operation.OperationId)}, a class {operation.OperationId}{OperationTable.BehaviourSuffix} implementing {nameof(IOperationBehaviour)}, and its tests.");
            }
        }

        foreach (var route in routes.Where(r => !specRoutes.ContainsKey((r.Method, r.PathTemplate))))
        {
            problems.Add($"The emulator serves {route.OperationId} ({route.Method} {route.PathTemplate}), which the spec does not define.");
        }

        var specIds = operations.Select(o => o.OperationId).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in behaviours.Keys.Where(id => !specIds.Contains(id)).Order(StringComparer.Ordinal))
        {
            problems.Add($"The emulator's {orphan}{OperationTable.BehaviourSuffix} serves {orphan}, which the spec does not define.");
        }

        var models = typeof(SpecConformance).Assembly.GetTypes()
            .Select(t => (Type: t, Schema: t.GetCustomAttribute<SpecSchemaAttribute>()?.SchemaId))
            .Where(m => m.Schema is not null)
            .ToDictionary(m => m.Schema!, m => m.Type, StringComparer.Ordinal);
        foreach (var operation in operations.Where(o => o.Behaviour is not null))
        {
            var specOperation = spec.Paths[operation.PathTemplate].Operations![new HttpMethod(operation.Method)];
            IOpenApiResponse? ok = null;
            specOperation.Responses?.TryGetValue("200", out ok);
            CheckBody(operation.OperationId + " request body", operation.RequestSchemaId, operation.RequestSchema, models, problems);
            CheckBody(operation.OperationId + " 200 response", operation.ResponseSchemaId, OperationTable.Json(ok?.Content)?.Schema, models, problems);
        }

        return problems;
    }

    private static void CheckBody(string where, string? schemaId, IOpenApiSchema? schema, Dictionary<string, Type> models, List<string> problems)
    {
        if (schema is null)
        {
            return;
        }

        if (schemaId is null || !models.TryGetValue(schemaId, out var model))
        {
            problems.Add($"{where}: no emulator model is mapped to the spec's schema {schemaId ?? "(an inline schema)"}; add a model with [SpecSchema(\"{schemaId}\")] under src/KooDrive.Emulator/Models.");
            return;
        }

        CheckValue(where, model, schema, problems, []);
    }

    private static void CheckValue(string where, Type type, IOpenApiSchema schema, List<string> problems, HashSet<string> visited)
    {
        // allOf of one schema only adds a description or nullable to it: check the schema it wraps.
        if (schema is not OpenApiSchemaReference && schema.AllOf is [var wrapped] && schema.Properties is not { Count: > 0 })
        {
            CheckValue(where, type, wrapped, problems, visited);
            return;
        }

        var referenceId = ReferenceId(schema);
        if (IsObject(schema))
        {
            var modelId = type.GetCustomAttribute<SpecSchemaAttribute>()?.SchemaId;
            if (modelId is null || modelId != referenceId)
            {
                problems.Add($"{where}: the spec's schema is {referenceId ?? "an inline object"}; the emulator's {type.Name} is {(modelId is null ? "not mapped to a schema" : modelId)}.");
                return;
            }

            if (visited.Add(modelId))
            {
                CheckObject(modelId, type, schema, problems, visited);
            }

            return;
        }

        var kind = schema.Type ?? 0;
        if (kind.HasFlag(JsonSchemaType.Array))
        {
            var element = ElementType(type);
            if (element is null || schema.Items is null)
            {
                problems.Add($"{where}: the spec has an array; the emulator has {type.Name}.");
                return;
            }

            CheckValue(where + "[]", element, schema.Items, problems, visited);
        }
        else if (kind.HasFlag(JsonSchemaType.String))
        {
            if (type != typeof(string))
            {
                problems.Add($"{where}: the spec has a string; the emulator has {type.Name}.");
            }
        }
        else if (kind.HasFlag(JsonSchemaType.Integer))
        {
            if (type != typeof(int) && type != typeof(long))
            {
                problems.Add($"{where}: the spec has an integer; the emulator has {type.Name}.");
            }
        }
        else
        {
            problems.Add($"{where}: the spec's type {kind} is not one the emulator checks.");
        }
    }

    private static void CheckObject(string schemaId, Type type, IOpenApiSchema schema, List<string> problems, HashSet<string> visited)
    {
        var specProperties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        CollectProperties(schema, specProperties);
        var modelProperties = EmulatorJson.Options.GetTypeInfo(type).Properties.ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.Ordinal);

        foreach (var name in specProperties.Keys.Except(modelProperties.Keys).Order(StringComparer.Ordinal))
        {
            problems.Add($"{schemaId}.{name} is in the spec but not in the emulator's {type.Name}.");
        }

        foreach (var name in modelProperties.Keys.Except(specProperties.Keys).Order(StringComparer.Ordinal))
        {
            problems.Add($"The emulator's {type.Name}.{name} is not in the spec's {schemaId}.");
        }

        foreach (var (name, propertySchema) in specProperties)
        {
            if (modelProperties.TryGetValue(name, out var propertyType))
            {
                CheckValue($"{schemaId}.{name}", Nullable.GetUnderlyingType(propertyType) ?? propertyType, propertySchema, problems, visited);
            }
        }
    }

    private static void CollectProperties(IOpenApiSchema schema, Dictionary<string, IOpenApiSchema> into)
    {
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            into[name] = property;
        }

        foreach (var part in schema.AllOf ?? [])
        {
            CollectProperties(part, into);
        }
    }

    private static bool IsObject(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 } || (schema.Type ?? 0).HasFlag(JsonSchemaType.Object);

    // A property is "that schema" when it is a $ref, or (to add a description or nullable) an allOf of one $ref.
    private static string? ReferenceId(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchemaReference reference => reference.Reference.Id,
        { AllOf: [OpenApiSchemaReference only] } => only.Reference.Id,
        _ => null,
    };

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        var element = enumerable?.GetGenericArguments()[0];
        return element is null ? null : Nullable.GetUnderlyingType(element) ?? element;
    }
}
