using System.Text.Json;
using System.Text.Json.Nodes;
using KooDrive.Emulator.Models;
using KooDrive.Emulator.State;
using Microsoft.Net.Http.Headers;

namespace KooDrive.Emulator.Api;

/// <summary>An authenticated request, as an operation handler sees it.</summary>
internal sealed class ApiRequest(HttpContext context, ApiOperation operation, string userId, byte[] body, EmulatorState state, TimeProvider time)
{
    public HttpContext Context { get; } = context;

    /// <summary>The authenticated <c>X-User-Id</c>.</summary>
    public string UserId { get; } = userId;

    public EmulatorState State { get; } = state;

    public TimeProvider Time { get; } = time;

    public string Route(string name) => Context.GetRouteValue(name) as string ?? string.Empty;

    /// <summary>A query parameter's value; the spec's rules for it were checked before the behaviour ran.</summary>
    public string? Query(string name) => Context.Request.Query[name] is { Count: 1 } values ? values[0] : null;

    /// <summary>The spec's default of an integer query parameter of this operation.</summary>
    public int DefaultInt(string name)
    {
        var schema = operation.Parameters.Single(p => p.Name == name).Schema;
        return int.Parse(Convert.ToString(schema.Default, System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An integer query parameter's value, already checked against the spec's range; <see langword="null"/> when absent.</summary>
    public int? QueryInt(string name) => Query(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    public string? Header(string name)
    {
        var values = Context.Request.Headers[name];
        return values.Count == 1 ? values[0] : null;
    }

    /// <summary>
    /// Reads the JSON body after checking it against the operation's request schema in the spec; on
    /// failure <paramref name="error"/> is the 13000102 answer naming the broken rule.
    /// </summary>
    public bool TryReadValidJson<T>(out T model, out ApiResult error)
        where T : class
    {
        model = null!;
        if (!TryParse(out var node, out error))
        {
            return false;
        }

        var problem = BodyRules.Check(node, operation.RequestSchema ?? throw new InvalidOperationException($"{operation.OperationId} has no request body in the spec."), string.Empty);
        if (problem is not null)
        {
            error = ApiResult.InvalidParameter(problem + ".");
            return false;
        }

        return TryReadJson(out model, out error);
    }

    /// <summary>Reads the JSON body; on failure <paramref name="error"/> is the 13000102 answer.</summary>
    private bool TryReadJson<T>(out T model, out ApiResult error)
        where T : class
    {
        model = null!;
        if (!TryParse(out _, out error))
        {
            return false;
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, EmulatorJson.Options);
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

    private bool TryParse(out JsonNode? node, out ApiResult error)
    {
        node = null;
        error = null!;
        if (!MediaTypeHeaderValue.TryParse(Context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            error = ApiResult.InvalidParameter("The body must be sent with Content-Type: application/json.");
            return false;
        }

        if (body.Length == 0)
        {
            error = ApiResult.InvalidParameter("The request body is missing.");
            return false;
        }

        try
        {
            node = JsonNode.Parse(body);
            return true;
        }
        catch (JsonException exception)
        {
            error = ApiResult.InvalidParameter($"The request body is not valid: {exception.Message}");
            return false;
        }
    }
}
