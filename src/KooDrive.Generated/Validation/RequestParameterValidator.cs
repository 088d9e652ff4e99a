using KooDrive.Generated.Spec;

namespace KooDrive.Generated.Validation;

/// <summary>
/// Validates the path, header and query parameters of a request against its operation in the embedded spec,
/// after the generated code has built the request and before it is sent.
/// </summary>
/// <remarks>
/// The generated methods only null-check these parameters; their rules (<c>minLength</c>, <c>maxLength</c>,
/// <c>pattern</c>, <c>enum</c>, <c>required</c>) live in the spec. The operation is found from the method and the
/// relative URL, and path values are read back from the URL segments the generated code escaped.
/// </remarks>
internal static class RequestParameterValidator
{
    /// <summary>The operation the request calls, or null when the spec has none (nothing to check then).</summary>
    public static SpecOperation? Validate(HttpRequestMessage request, SpecRules spec)
    {
        if (request.RequestUri is not { } uri)
        {
            return null;
        }

        var relative = uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
        var operation = spec.FindOperation(request.Method.Method, relative);
        if (operation is null)
        {
            return null;
        }

        var pathEnd = relative.IndexOfAny(['?', '#']);
        var pathValues = operation.PathValues((pathEnd >= 0 ? relative[..pathEnd] : relative).TrimStart('/').Split('/'));
        var query = ParseQuery(pathEnd >= 0 && relative[pathEnd] == '?' ? relative[(pathEnd + 1)..] : string.Empty);

        var violations = new List<KooDriveValidationViolation>();
        foreach (var parameter in operation.Parameters)
        {
            var values = parameter.In switch
            {
                "path" => pathValues.TryGetValue(parameter.Name, out var value) ? [value] : [],
                "header" => request.Headers.NonValidated.TryGetValues(parameter.Name, out var header) ? header.ToArray() : [],
                "query" => query.TryGetValue(parameter.Name, out var list) ? list.ToArray() : [],
                _ => Array.Empty<string>(),
            };

            if (values.Length == 0)
            {
                if (parameter.Required)
                {
                    violations.Add(new(parameter.ClrName, "required", "is required (spec: required)"));
                }

                continue;
            }

            foreach (var value in values)
            {
                foreach (var (rule, message) in parameter.Rule?.Check(value) ?? [])
                {
                    violations.Add(new(parameter.ClrName, rule, message));
                }
            }
        }

        return violations.Count > 0 ? throw new KooDriveValidationException(violations) : operation;
    }

    private static Dictionary<string, List<string>> ParseQuery(string query)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals >= 0 ? pair[..equals] : pair);
            var value = equals >= 0 ? Uri.UnescapeDataString(pair[(equals + 1)..]) : string.Empty;
            if (!result.TryGetValue(name, out var values))
            {
                result[name] = values = [];
            }

            values.Add(value);
        }

        return result;
    }
}
