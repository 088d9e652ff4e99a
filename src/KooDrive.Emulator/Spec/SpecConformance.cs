using System.Reflection;
using KooDrive.Emulator.Api;
using KooDrive.Emulator.Models;
using Microsoft.OpenApi;

namespace KooDrive.Emulator.Spec;

/// <summary>
/// Compares the emulator with the spec: every spec operation (method + path template) has an emulator
/// route and vice versa, each route's request and 200 models serialise as the spec's schemas (same
/// property names and kinds, recursively), and each operation requires the spec's required headers.
/// </summary>
internal static class SpecConformance
{
    public static IReadOnlyList<string> Check(OpenApiDocument spec, IReadOnlyList<EmulatorRoute> routes, IReadOnlyList<ApiOperation> operations)
    {
        var problems = new List<string>();
        var specOperations = new Dictionary<(string Method, string Path), OpenApiOperation>();
        foreach (var (path, item) in spec.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                specOperations[(method.Method.ToUpperInvariant(), path)] = operation;
            }
        }

        var served = routes.ToDictionary(r => (r.Method, r.PathTemplate));
        foreach (var ((method, path), operation) in specOperations)
        {
            if (!served.TryGetValue((method, path), out var route))
            {
                problems.Add($"The spec's {operation.OperationId} ({method} {path}) has no emulator route.");
            }
            else if (route.OperationId != operation.OperationId)
            {
                problems.Add($"{method} {path} is {operation.OperationId} in the spec but {route.OperationId} in the emulator.");
            }
        }

        foreach (var route in routes.Where(r => !specOperations.ContainsKey((r.Method, r.PathTemplate))))
        {
            problems.Add($"The emulator serves {route.OperationId} ({route.Method} {route.PathTemplate}), which the spec does not define.");
        }

        foreach (var operation in operations)
        {
            if (specOperations.TryGetValue((operation.Method, operation.PathTemplate), out var specOperation))
            {
                CheckOperation(operation, specOperation, problems);
            }
        }

        return problems;
    }

    private static void CheckOperation(ApiOperation operation, OpenApiOperation spec, List<string> problems)
    {
        var where = operation.OperationId;
        CheckBody(where + " request body", operation.RequestModel, spec.RequestBody?.Content, problems);
        IOpenApiResponse? ok = null;
        spec.Responses?.TryGetValue("200", out ok);
        CheckBody(where + " 200 response", operation.ResponseModel, ok?.Content, problems);

        var specHeaders = (spec.Parameters ?? [])
            .Where(p => p.In == ParameterLocation.Header && p.Required)
            .Select(p => p.Name!.ToLowerInvariant())
            .Order(StringComparer.Ordinal);
        var emulatorHeaders = operation.RequiredHeaders.Select(h => h.ToLowerInvariant()).Order(StringComparer.Ordinal);
        if (!specHeaders.SequenceEqual(emulatorHeaders))
        {
            problems.Add($"{where} requires headers [{string.Join(", ", emulatorHeaders)}]; the spec requires [{string.Join(", ", specHeaders)}].");
        }
    }

    private static void CheckBody(string where, Type? model, IDictionary<string, IOpenApiMediaType>? content, List<string> problems)
    {
        IOpenApiMediaType? json = null;
        content?.TryGetValue("application/json", out json);
        var schema = json?.Schema;
        if (schema is null || model is null)
        {
            if (schema is not null || model is not null)
            {
                problems.Add($"{where}: the spec {(schema is null ? "has none" : "has one")} but the emulator {(model is null ? "has none" : "has one")}.");
            }

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
