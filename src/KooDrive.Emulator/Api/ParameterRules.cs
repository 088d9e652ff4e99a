using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace KooDrive.Emulator.Api;

/// <summary>
/// Checks a request's query and header parameters against the spec's rules (required, one value, type,
/// enum, range, length, pattern) before the behaviour runs: a broken rule answers 13000102 naming it.
/// </summary>
internal static class ParameterRules
{
    public static ApiResult? Check(HttpRequest request, ApiOperation operation)
    {
        foreach (var parameter in operation.Parameters)
        {
            var values = parameter.In == ParameterLocation.Header ? request.Headers[parameter.Name] : request.Query[parameter.Name];
            var what = parameter.In == ParameterLocation.Header ? $"The {parameter.Name} header" : $"The {parameter.Name} query parameter";
            if (values.Count == 0)
            {
                if (parameter.Required)
                {
                    return ApiResult.InvalidParameter($"{what} is required.");
                }

                continue;
            }

            if (values.Count > 1)
            {
                return ApiResult.InvalidParameter($"{what} must be given once.");
            }

            // A query or header value is text; BodyRules reads integers from numeric text, as it does in bodies.
            if (BodyRules.Check(JsonValue.Create(values[0] ?? string.Empty), parameter.Schema, what) is { } problem)
            {
                return ApiResult.InvalidParameter(problem + ".");
            }
        }

        return null;
    }
}
