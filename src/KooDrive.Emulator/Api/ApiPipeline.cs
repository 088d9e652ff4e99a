using KooDrive.Emulator.Auth;
using KooDrive.Emulator.Faults;
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
    ILogger<ApiPipeline> logger)
{
    public const int TraceIdLength = 58;

    public async Task InvokeAsync(HttpContext context, ApiOperation operation)
    {
        try
        {
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
            await ResponseWriter.WriteAsync(context, result, fault);
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

        return operation.Handle(new ApiRequest(context, userId, body, state, time));
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
