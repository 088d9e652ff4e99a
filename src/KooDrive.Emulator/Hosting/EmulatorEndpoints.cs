using KooDrive.Emulator.Api;

namespace KooDrive.Emulator.Hosting;

/// <summary>Maps every operation of the spec, and answers every other route the way the gateway does (404, APIGW.0101).</summary>
internal static class EmulatorEndpoints
{
    public static void MapApi(WebApplication app, ApiPipeline pipeline, IReadOnlyList<ApiOperation> operations)
    {
        foreach (var operation in operations)
        {
            RequestDelegate handler = context => pipeline.InvokeAsync(context, operation);
            app.MapMethods(operation.PathTemplate, [operation.Method], handler)
                .WithMetadata(operation)
                .WithDisplayName(operation.OperationId);
        }

        // The gateway matches method and path together, so a known path with another method is also "no such API".
        RequestDelegate notFound = context =>
            ResponseWriter.WriteJsonAsync(context, StatusCodes.Status404NotFound, GatewayResponses.ApiNotFound());
        app.MapFallback("{*path}", notFound);
    }

    /// <summary>The API routes the app actually serves, read back from its endpoint table.</summary>
    public static IReadOnlyList<EmulatorRoute> ReadRoutes(IEndpointRouteBuilder app) =>
    [
        .. app.DataSources.SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Operation: e.Metadata.GetMetadata<ApiOperation>()))
            .Where(e => e.Operation is not null)
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => new EmulatorRoute(method.ToUpperInvariant(), e.Endpoint.RoutePattern.RawText!, e.Operation!.OperationId))),
    ];
}
