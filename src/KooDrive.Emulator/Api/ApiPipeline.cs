using System.Reflection;
using KooDrive.Emulator.Auth;
using KooDrive.Emulator.Faults;
using KooDrive.Emulator.Spec;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Api;

/// <summary>
/// What every API request goes through: an injected fault (if one is armed for the operation), then
/// authentication, then the common header checks, then the operation, then the answer (reshaped by a
/// response fault if one was taken).
/// </summary>
internal sealed partial class ApiPipeline(
    EmulatorState state,
    FaultInjector faults,
    RequestAuthenticator authenticator,
    TimeProvider time,
    TimeSpan latency,
    ILogger<ApiPipeline> logger)
{
    public const int TraceIdLength = 58;

    public async Task InvokeAsync(HttpContext context, ApiOperation operation)
    {
        // The service's Date header follows the emulator's clock, as a real server's follows its own: a
        // client that learns the server's time from it (for X-Date) then agrees with a test's fake clock.
        context.Response.Headers.Date = time.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, time, context.RequestAborted);
            }

            var fault = faults.TryTake(operation.OperationId);
            if (fault is not null)
            {
                LogFault(logger, fault.Kind, operation.OperationId);
                if (await FaultResponder.TryAnswerAsync(context, fault, time))
                {
                    return;
                }
            }

            var traceId = context.Request.Headers["X-Traceid"];
            if (traceId.Count > 0)
            {
                context.Response.Headers["X-Traceid"] = traceId;
            }

            // The exact bytes received: the app signature covers them.
            var body = await ReadBodyAsync(context);
            var auth = authenticator.Authenticate(context.Request, body);
            var result = auth.Failure ?? Handle(context, operation, auth.UserId!, body);
            await ResponseWriter.WriteAsync(context, result, fault, operation.ResponseSchema);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (or a fault dropped the connection); there is no one to answer.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            LogUnexpected(logger, exception, operation.OperationId);
            await ResponseWriter.WriteAsync(context, ApiResult.InnerFailure(), null);
        }
    }

    private ApiResult Handle(HttpContext context, ApiOperation operation, string userId, byte[] body)
    {
        var traceId = context.Request.Headers["X-Traceid"];
        if (traceId.Count > 0 && (traceId.Count != 1 || traceId[0]!.Length != TraceIdLength))
        {
            return ApiResult.InvalidParameter($"X-Traceid must be {TraceIdLength} characters.");
        }

        var refused = ParameterRules.Check(context.Request, operation);
        if (refused is not null)
        {
            return refused;
        }

        if (operation.Behaviour is null)
        {
            // A spec operation nobody has written behaviour for yet: one clear answer, no failed start-up.
            return ApiResult.EmulatorError(
                StatusCodes.Status501NotImplemented,
                $"The emulator has no behaviour for {operation.OperationId} yet: add {OperationTable.BehaviourFile(operation.OperationId)}.");
        }

        var result = operation.Behaviour.Handle(new ApiRequest(context, operation, userId, body, state, time));
        var schema = result.Model?.GetCustomAttribute<SpecSchemaAttribute>()?.SchemaId;
        if (result.Model is not null && schema != operation.ResponseSchemaId)
        {
            return ApiResult.EmulatorError(
                StatusCodes.Status500InternalServerError,
                $"The emulator's {operation.OperationId} answered with {result.Model.Name} ({schema ?? "no schema"}), not the spec's {operation.ResponseSchemaId}.");
        }

        return result;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Injected fault {Kind} into {OperationId}")]
    private static partial void LogFault(ILogger logger, EmulatorFaultKind kind, string operationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in {OperationId}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string operationId);
}
