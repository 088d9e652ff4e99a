using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KooDrive.Emulator.Api;
using KooDrive.Emulator.Faults;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;

namespace KooDrive.Emulator.Admin;

/// <summary>
/// The emulator's own control surface under <c>/__emulator</c>, for tests that run it out of process:
/// fault injection, and arranging data the five spec operations cannot create (tokens, devices, locks,
/// records, albums). Loopback only and unauthenticated, like other local emulators.
/// </summary>
internal static class AdminEndpoints
{
    public const string Prefix = "/__emulator";

    public static void Map(WebApplication app, EmulatorState state, FaultInjector faults, string defaultUserId)
    {
        var admin = app.MapGroup(Prefix);
        admin.MapGet("/faults", (RequestDelegate)(context => WriteAsync(context, StatusCodes.Status200OK, DescribeFaults(faults))));
        admin.MapPost("/faults", (RequestDelegate)(context => HandleAsync<FaultRequest>(context, request =>
        {
            faults.Inject(request.Operation, request.ToFault());
            return (StatusCodes.Status201Created, DescribeFaults(faults));
        })));
        admin.MapDelete("/faults", (RequestDelegate)(context =>
        {
            faults.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }));
        admin.MapPost("/tokens", (RequestDelegate)(context => HandleAsync<UserRequest>(context, request =>
        {
            var userId = request.UserId ?? defaultUserId;
            state.AddUser(userId);
            return (StatusCodes.Status201Created, new JsonObject
            {
                ["accessToken"] = state.IssueToken(userId),
                ["userId"] = userId,
                ["expiresInSeconds"] = (int)EmulatorState.TokenIdleTimeout.TotalSeconds,
            });
        })));
        admin.MapPost("/devices", (RequestDelegate)(context => HandleAsync<DeviceRequest>(context, request =>
        {
            var device = state.BindDevice(request.UserId ?? defaultUserId, request.MachineCode ?? string.Empty, request.DeviceName, request.DeviceOS);
            return (StatusCodes.Status201Created, EmulatorJson.ToNode(new BoundDeviceEntityModel(
                device.DeviceId, device.MachineCode, device.DeviceName, device.DeviceOS, Timestamps.Format(device.CreateTime))));
        })));
        admin.MapPost("/locks", (RequestDelegate)(context => HandleAsync<LockRequest>(context, request =>
        {
            var backupLock = state.CreateBackupLock(request.UserId ?? defaultUserId, request.ModuleCode ?? string.Empty);
            return (StatusCodes.Status201Created, new JsonObject
            {
                ["lockId"] = backupLock.LockId,
                ["expiresAt"] = Timestamps.Format(backupLock.ExpiresAt),
            });
        })));
        admin.MapPost("/records", (RequestDelegate)(context => HandleAsync<RecordRequest>(context, request =>
        {
            var record = state.CreateBackupRecord(request.UserId ?? defaultUserId, request.DeviceId ?? string.Empty, request.ModuleCode ?? string.Empty);
            return (StatusCodes.Status201Created, new JsonObject { ["recordId"] = record.RecordId, ["moduleCode"] = record.ModuleCode });
        })));
        admin.MapPost("/albums", (RequestDelegate)(context => HandleAsync<AlbumRequest>(context, request =>
        {
            var contentIds = request.ContentIds ?? [DemoSeeder.NewFileId(), DemoSeeder.NewFileId()];
            var album = state.CreateAlbum(request.UserId ?? defaultUserId, request.Name ?? "Album", contentIds.OfType<string>(), request.Manual ?? true);
            return (StatusCodes.Status201Created, new JsonObject
            {
                ["albumId"] = album.AlbumId,
                ["contentIds"] = new JsonArray([.. album.ContentIds.Select(id => (JsonNode?)id)]),
            });
        })));
    }

    private static async Task HandleAsync<T>(HttpContext context, Func<T, (int Status, JsonNode Body)> handle)
        where T : class, new()
    {
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var request = buffer.Length == 0 ? new T() : JsonSerializer.Deserialize<T>(buffer.ToArray(), EmulatorJson.Options) ?? new T();
            var (status, body) = handle(request);
            await WriteAsync(context, status, body);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            var error = ApiResult.InvalidParameter(exception is JsonException ? "The request body is not valid: " + exception.Message : exception.Message);
            await WriteAsync(context, error.StatusCode, error.Body);
        }
    }

    private static Task WriteAsync(HttpContext context, int status, JsonNode body) => ResponseWriter.WriteJsonAsync(context, status, body);

    private static JsonArray DescribeFaults(FaultInjector faults) =>
    [
        .. faults.Pending.Select(p => (JsonNode)new JsonObject
        {
            ["operation"] = p.OperationId,
            ["kind"] = p.Fault.Kind.ToString(),
            ["remaining"] = p.Remaining,
            ["statusCode"] = p.Fault.StatusCode,
            ["delayMilliseconds"] = (long)p.Fault.Duration.TotalMilliseconds,
            ["retryAfterSeconds"] = p.Fault.RetryAfter is { } retryAfter ? (long)Math.Ceiling(retryAfter.TotalSeconds) : null,
            ["retryAfterFormat"] = p.Fault.RetryAfterFormat.ToString(),
        }),
    ];

    internal sealed class FaultRequest
    {
        public string? Operation { get; set; }

        public string? Kind { get; set; }

        public int? Count { get; set; }

        public int? StatusCode { get; set; }

        public long? DelayMilliseconds { get; set; }

        public long? RetryAfterSeconds { get; set; }

        public string? RetryAfterFormat { get; set; }

        public EmulatorFault ToFault()
        {
            if (!Enum.TryParse<EmulatorFaultKind>(Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                throw new ArgumentException($"kind must be one of {string.Join(", ", Enum.GetNames<EmulatorFaultKind>())}.");
            }

            var format = Faults.RetryAfterFormat.Seconds;
            if (RetryAfterFormat is not null && (!Enum.TryParse(RetryAfterFormat, ignoreCase: true, out format) || !Enum.IsDefined(format)))
            {
                throw new ArgumentException("retryAfterFormat must be Seconds or HttpDate.");
            }

            var fault = kind switch
            {
                EmulatorFaultKind.ServerError => EmulatorFault.ServerError(StatusCode ?? 500),
                EmulatorFaultKind.TooManyRequests => EmulatorFault.TooManyRequests(
                    RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null, format),
                EmulatorFaultKind.Delay => EmulatorFault.Delay(TimeSpan.FromMilliseconds(DelayMilliseconds ?? 1000)),
                EmulatorFaultKind.ConnectionAbort => EmulatorFault.ConnectionAbort(),
                EmulatorFaultKind.TruncatedJson => EmulatorFault.TruncatedJson(),
                EmulatorFaultKind.HtmlErrorPage => EmulatorFault.HtmlErrorPage(StatusCode ?? 502),
                EmulatorFaultKind.IdsAsNumbers => EmulatorFault.IdsAsNumbers(),
                _ => EmulatorFault.FailedScopeListAsObject(),
            };
            return fault.Times(Count ?? 1);
        }
    }

    internal class UserRequest
    {
        public string? UserId { get; set; }
    }

    internal sealed class DeviceRequest : UserRequest
    {
        public string? MachineCode { get; set; }

        public string? DeviceName { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("deviceOS")]
        public string? DeviceOS { get; set; }
    }

    internal sealed class LockRequest : UserRequest
    {
        public string? ModuleCode { get; set; }
    }

    internal sealed class RecordRequest : UserRequest
    {
        public string? DeviceId { get; set; }

        public string? ModuleCode { get; set; }
    }

    internal sealed class AlbumRequest : UserRequest
    {
        public string? Name { get; set; }

        public List<string?>? ContentIds { get; set; }

        public bool? Manual { get; set; }
    }
}
