using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KooDrive.DocSync.Pages;

namespace KooDrive.DocSync.Facts;

/// <summary>A fact read from a page, with the line it was read from.</summary>
/// <param name="Key">The fact.</param>
/// <param name="Value">What the page says.</param>
/// <param name="Line">The 1-based page line.</param>
public sealed record PageFact(FactKey Key, string Value, int Line);

/// <summary>Turns a <see cref="DocPage"/> into the facts the comparison holds the spec to.</summary>
public static partial class PageFacts
{
    /// <summary>The facts of <paramref name="page"/>, named for <paramref name="operation"/>.</summary>
    /// <param name="page">The page.</param>
    /// <param name="operation">The operationId the facts are named for.</param>
    /// <returns>The facts, each key once (the first statement wins).</returns>
    public static IReadOnlyList<PageFact> Read(DocPage page, string operation)
    {
        ArgumentNullException.ThrowIfNull(page);
        var facts = new List<PageFact>();
        void Add(string location, string field, string aspect, string value, int line)
        {
            var key = new FactKey(operation, location, field, aspect);
            if (!facts.Exists(f => f.Key == key))
            {
                facts.Add(new PageFact(key, Clean(value), line));
            }
        }

        Add("operation", "-", "summary", page.Title, page.TitleLine);
        Add("operation", "-", "description", page.Function, page.FunctionLine);

        foreach (var (kind, location) in new[] { (TableKind.Path, "path"), (TableKind.Query, "query"), (TableKind.Header, "header") })
        {
            foreach (var row in page.TablesOf(kind).SelectMany(t => t.Rows))
            {
                var name = location == "header" ? row.Name.ToLowerInvariant() : row.Name;
                AddField(Add, page, location, name, row, PageSection.Request, recurse: false, []);
            }
        }

        var body = page.TablesOf(TableKind.Body).SelectMany(t => t.Rows).ToList();
        if (body.Count > 0)
        {
            Add("body", "-", "required", body.Exists(r => r.Mandatory == "Yes") ? "yes" : "no", body[0].Line);
            foreach (var row in body)
            {
                AddField(Add, page, "body", row.Name, row, PageSection.Request, recurse: true, []);
            }
        }

        foreach (var row in page.TablesOf(TableKind.Response).SelectMany(t => t.Rows))
        {
            AddField(Add, page, "response", row.Name, row, PageSection.Response, recurse: true, []);
        }

        foreach (var status in page.StatusCodes)
        {
            Add("responses", status.Code, "description", status.Description, status.Line);
        }

        ReadExamples(page, Add);
        return facts;
    }

    /// <summary>The leaves of a JSON value: <c>a.b[0].c</c> and the leaf as JSON text (strings quoted).</summary>
    /// <param name="node">The JSON value.</param>
    /// <returns>Path and value pairs; an empty array or object is a leaf (<c>[]</c>, <c>{}</c>).</returns>
    public static IEnumerable<(string Path, string Value)> Leaves(JsonNode? node)
    {
        var leaves = new List<(string, string)>();
        Walk(node, "", leaves);
        return leaves;

        static void Walk(JsonNode? node, string path, List<(string, string)> leaves)
        {
            switch (node)
            {
                case JsonObject obj when obj.Count > 0:
                    foreach (var (name, child) in obj)
                    {
                        Walk(child, path.Length == 0 ? name : $"{path}.{name}", leaves);
                    }

                    break;
                case JsonArray array when array.Count > 0:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], $"{path}[{i}]", leaves);
                    }

                    break;
                default:
                    leaves.Add((path.Length == 0 ? "-" : path, node is null ? "null" : node.ToJsonString(JsonText)));
                    break;
            }
        }
    }

    /// <summary>The field name of an example fact: the JSON path, prefixed with the status code when it is not 200.</summary>
    /// <param name="status">The status code, or <see langword="null"/> for the request example.</param>
    /// <param name="path">The JSON path, or <c>-</c>.</param>
    /// <returns>The field.</returns>
    public static string ExampleField(string? status, string path) => status is null or "200" ? path : $"{status}:{path}";

    /// <summary>Collapses runs of white space, so a line break inside a cell does not count as a difference.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The text with single spaces and no outer white space.</returns>
    public static string Clean(string value) => Spaces().Replace(value ?? "", " ").Trim();

    internal static readonly JsonSerializerOptions JsonText = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void AddField(Action<string, string, string, string, int> add, DocPage page, string location, string field, PageRow row, PageSection section, bool recurse, HashSet<string> visiting)
    {
        var type = PageTypes.Normalize(row.Type);
        add(location, field, "type", type ?? row.Type, row.Line);
        if (row.Mandatory is not null)
        {
            add(location, field, "required", row.Mandatory == "Yes" ? "yes" : "no", row.Line);
        }

        foreach (var text in new[] { row.Constraints, row.Range })
        {
            foreach (var (aspect, value) in ConstraintText.Read(text, type))
            {
                add(location, field, aspect, value, row.Line);
            }
        }

        if (recurse && PageTypes.ObjectName(row.Type) is { } name && page.ObjectTable(name, section) is { } table && visiting.Add(name))
        {
            foreach (var child in table.Rows)
            {
                AddField(add, page, location, $"{field}.{child.Name}", child, section, recurse, visiting);
            }

            visiting.Remove(name);
        }
    }

    private static void ReadExamples(DocPage page, Action<string, string, string, string, int> add)
    {
        if (page.ExampleTarget is { } target)
        {
            var parts = target.Split('?', 2);
            var match = Template(page.Path).Match(parts[0]);
            foreach (var name in ParameterNames(page.Path))
            {
                add("path", name, "example", match.Success ? Uri.UnescapeDataString(match.Groups[name].Value) : target, page.ExampleTargetLine);
            }

            foreach (var pair in parts.Length > 1 ? parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries) : [])
            {
                var nameValue = pair.Split('=', 2);
                add("query", Uri.UnescapeDataString(nameValue[0]), "example", nameValue.Length > 1 ? Uri.UnescapeDataString(nameValue[1]) : "", page.ExampleTargetLine);
            }
        }

        foreach (var (name, value, line) in page.ExampleHeaders.Where(h => !PageReader.IsSecurityHeader(h.Name)))
        {
            add("header", name.ToLowerInvariant(), "example", value, line);
        }

        if (page.RequestExample is { } request)
        {
            AddExample(add, "request-example", null, request);
        }

        foreach (var (status, example) in page.ResponseExamples)
        {
            AddExample(add, "response-example", status, example);
        }
    }

    private static void AddExample(Action<string, string, string, string, int> add, string location, string? status, PageExample example)
    {
        add(location, ExampleField(status, "-"), "summary", example.Summary, example.SummaryLine);
        if (example.Json is null)
        {
            return;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(example.Json);
        }
        catch (JsonException ex)
        {
            add(location, ExampleField(status, "-"), "value", $"invalid JSON: {ex.Message}", example.Line);
            return;
        }

        foreach (var (path, value) in Leaves(node))
        {
            add(location, ExampleField(status, path), "value", value, example.Line);
        }
    }

    /// <summary>The names of the <c>{parameters}</c> of a path template.</summary>
    /// <param name="template">The path template.</param>
    /// <returns>The names, in order.</returns>
    public static IEnumerable<string> ParameterNames(string template) =>
        TemplateParameter().Matches(template ?? "").Select(m => m.Groups[1].Value);

    private static Regex Template(string template)
    {
        var pattern = "^" + TemplateParameter().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), m => $"(?<{m.Groups[1].Value}>[^/]+)") + "$";
        return new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex TemplateParameter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
