using System.Globalization;
using Microsoft.OpenApi;

namespace KooDrive.Emulator.Tests.Support;

/// <summary>The limits the spec sets, read from it, so that a test follows a spec change instead of restating it.</summary>
internal static class SpecLimits
{
    public static int MaxLength(string schema, string property) => Property(schema, property).MaxLength!.Value;

    public static int MaxItems(string schema, string property) => Property(schema, property).MaxItems!.Value;

    public static int Minimum(string operationId, string parameter) => Bound(Parameter(operationId, parameter).Minimum);

    public static int Maximum(string operationId, string parameter) => Bound(Parameter(operationId, parameter).Maximum);

    public static int ParameterMaxLength(string operationId, string parameter) => Parameter(operationId, parameter).MaxLength!.Value;

    /// <summary>The spec's <c>x-koodrive-lease-seconds</c> of an operation.</summary>
    public static TimeSpan Lease(string operationId) =>
        TimeSpan.FromSeconds(int.Parse(
            ((Microsoft.OpenApi.JsonNodeExtension)Operation(operationId).Extensions!["x-koodrive-lease-seconds"]).Node.ToJsonString(),
            CultureInfo.InvariantCulture));

    /// <summary>The item counts of the pages a cursor-paged list of <paramref name="count"/> items answers: full pages, then the rest, or an empty page when the rest is nothing.</summary>
    public static int[] CursorPages(int count, int pageSize) =>
        [.. Enumerable.Repeat(pageSize, count / pageSize), count % pageSize];

    private static IOpenApiSchema Property(string schema, string property) =>
        SpecExamples.Document.Components!.Schemas![schema].Properties![property];

    private static OpenApiOperation Operation(string operationId) =>
        SpecExamples.Document.Paths.Values.SelectMany(item => (item.Operations ?? []).Values).Single(o => o.OperationId == operationId);

    private static IOpenApiSchema Parameter(string operationId, string name) =>
        SpecExamples.Document.Paths.Values
            .SelectMany(item => (item.Operations ?? []).Values.Where(o => o.OperationId == operationId).SelectMany(o => (item.Parameters ?? []).Concat(o.Parameters ?? [])))
            .Single(p => p.Name == name).Schema!;

    private static int Bound(object? bound) => (int)decimal.Parse(Convert.ToString(bound, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
}
