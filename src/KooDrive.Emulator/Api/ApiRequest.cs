using System.Text.Json;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;
using Microsoft.Net.Http.Headers;

namespace KooDrive.Emulator.Api;

/// <summary>An authenticated request, as an operation handler sees it.</summary>
internal sealed class ApiRequest(HttpContext context, string userId, byte[] body, EmulatorState state, TimeProvider time)
{
    public HttpContext Context { get; } = context;

    /// <summary>The authenticated <c>X-User-Id</c>.</summary>
    public string UserId { get; } = userId;

    public EmulatorState State { get; } = state;

    public TimeProvider Time { get; } = time;

    public string Route(string name) => Context.GetRouteValue(name) as string ?? string.Empty;

    public string? Header(string name)
    {
        var values = Context.Request.Headers[name];
        return values.Count == 1 ? values[0] : null;
    }

    /// <summary>Reads the JSON body; on failure <paramref name="error"/> is the 13000102 answer.</summary>
    public bool TryReadJson<T>(out T model, out ApiResult error)
        where T : class
    {
        model = null!;
        error = null!;
        if (!MediaTypeHeaderValue.TryParse(Context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            error = ApiResult.InvalidParameter("The body must be sent with Content-Type: application/json.");
            return false;
        }

        try
        {
            var value = body.Length == 0 ? null : JsonSerializer.Deserialize<T>(body, EmulatorJson.Options);
            if (value is null)
            {
                error = ApiResult.InvalidParameter("The request body is missing.");
                return false;
            }

            model = value;
            return true;
        }
        catch (JsonException exception)
        {
            error = ApiResult.InvalidParameter($"The request body is not valid: {exception.Message}");
            return false;
        }
    }
}
