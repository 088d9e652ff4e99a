using KooDrive.Generated.Spec;

namespace KooDrive.Generated.Validation;

/// <summary>
/// Validates the path, header and query parameters of a request against its operation in the embedded spec,
/// after the generated code has built the request and before it is sent.
/// </summary>
/// <remarks>
/// The generated methods only null-check these parameters; their rules (<c>minLength</c>, <c>maxLength</c>,
/// <c>pattern</c>, <c>enum</c>, <c>required</c>) live in the spec. The operation is found from the method and the
/// relative URL, and path values are read back from the URL segments the generated code escaped. One rule is
/// the transport's rather than the spec's: every value must be well-formed UTF-16 (see <see cref="IsWellFormed"/>).
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
                if (!IsWellFormed(value, fromUrl: parameter.In is "path" or "query"))
                {
                    violations.Add(new(parameter.ClrName, "utf16", "must be well-formed UTF-16 text: a lone surrogate would be sent as U+FFFD, which names another resource"));
                    continue;
                }

                foreach (var (rule, message) in parameter.Rule?.Check(value) ?? [])
                {
                    violations.Add(new(parameter.ClrName, rule, message));
                }
            }
        }

        return violations.Count > 0 ? throw new KooDriveValidationException(violations) : operation;
    }

    /// <summary>
    /// False for a lone surrogate. A value read back from the URL has already been escaped, which turns a lone
    /// surrogate into U+FFFD, so there U+FFFD itself is refused: the two can no longer be told apart.
    /// </summary>
    private static bool IsWellFormed(string value, bool fromUrl)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (fromUrl && c == '\uFFFD')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
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
