namespace KooDrive.Generated.Spec;

/// <summary>One operation of the spec, as the SDK enforces it.</summary>
internal sealed class SpecOperation
{
    private readonly string[] _segments;

    public SpecOperation(
        string operationId,
        string method,
        string pathTemplate,
        IReadOnlyList<SpecParameter> parameters,
        string? requestBodySchema,
        string? requestBodyName,
        string? successSchema)
    {
        OperationId = operationId;
        Method = method;
        PathTemplate = pathTemplate;
        Parameters = parameters;
        RequestBodySchema = requestBodySchema;
        RequestBodyName = requestBodyName;
        SuccessSchema = successSchema;
        _segments = pathTemplate.TrimStart('/').Split('/');
    }

    public string OperationId { get; }

    /// <summary>Upper-case HTTP method.</summary>
    public string Method { get; }

    public string PathTemplate { get; }

    public IReadOnlyList<SpecParameter> Parameters { get; }

    /// <summary>Component schema name of the JSON request body, if any.</summary>
    public string? RequestBodySchema { get; }

    /// <summary>The C# name of the body parameter (<c>x-name</c>), if any.</summary>
    public string? RequestBodyName { get; }

    /// <summary>Component schema name of the HTTP 200 JSON response, if any.</summary>
    public string? SuccessSchema { get; }

    /// <summary>Whether a request with this method and these URL segments calls this operation.</summary>
    public bool Matches(string method, string[] segments, out int literalSegments)
    {
        literalSegments = 0;
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase) || segments.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (IsVariable(_segments[i]))
            {
                continue;
            }

            if (!string.Equals(segments[i], _segments[i], StringComparison.Ordinal))
            {
                return false;
            }

            literalSegments++;
        }

        return true;
    }

    /// <summary>The unescaped values of the path parameters in the URL segments of a matching request.</summary>
    public IReadOnlyDictionary<string, string> PathValues(string[] segments)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _segments.Length && i < segments.Length; i++)
        {
            if (IsVariable(_segments[i]))
            {
                values[_segments[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
        }

        return values;
    }

    private static bool IsVariable(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';
}
