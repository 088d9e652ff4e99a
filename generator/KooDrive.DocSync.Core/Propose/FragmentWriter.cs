using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KooDrive.DocSync.Facts;
using KooDrive.DocSync.Pages;
using KooDrive.DocSync.Spec;
using Microsoft.OpenApi;

namespace KooDrive.DocSync.Propose;

/// <summary>
/// Writes the OpenAPI fragment (YAML) for a page's operation: a <c>paths</c> entry and the
/// <c>components/schemas</c> it refers to, following the spec's conventions (security headers as schemes,
/// object tables as named schemas, the page's examples as <c>documented</c> examples). Once pasted,
/// <c>check</c> finds no difference for the page other than those the errata acknowledge for every operation.
/// </summary>
public static class FragmentWriter
{
    /// <summary>The fragment for <paramref name="page"/>.</summary>
    /// <param name="page">The page.</param>
    /// <param name="spec">The spec the fragment is meant for (its tags, security schemes and shared responses).</param>
    /// <returns>The YAML text.</returns>
    public static string Write(DocPage page, OpenApiDocument spec)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(spec);
        var operationId = OperationId(page, spec);
        var y = new StringBuilder();
        y.AppendLine(CultureInfo.InvariantCulture, $"# Proposed by `propose {page.Source}` from \"{page.Title}\". Review every line, then paste the");
        y.AppendLine("# path under `paths:` and the schemas under `components: schemas:` of spec/openapi.yaml.");
        y.AppendLine("paths:");
        y.AppendLine(CultureInfo.InvariantCulture, $"  {Q(page.Path)}:");
        y.AppendLine(CultureInfo.InvariantCulture, $"    {page.Method.ToLowerInvariant()}:");
        y.AppendLine(CultureInfo.InvariantCulture, $"      tags: [{Tag(page, spec)}]");
        y.AppendLine(CultureInfo.InvariantCulture, $"      operationId: {operationId}");
        y.AppendLine(CultureInfo.InvariantCulture, $"      summary: {Q(page.Title)}");
        y.AppendLine(CultureInfo.InvariantCulture, $"      description: {Q(page.Function)}");
        y.AppendLine("      externalDocs:");
        y.AppendLine(CultureInfo.InvariantCulture, $"        description: {Q(page.Title)}");
        y.AppendLine("        url: https://support.huaweicloud.com/intl/en-us/api-koodrive-carrier/ # the page's live address");
        // The copy is named from the repository root, however the page was named on the command line.
        var copy = page.Source.Replace('\\', '/');
        var docs = copy.IndexOf("spec/docs/", StringComparison.Ordinal);
        y.AppendLine(CultureInfo.InvariantCulture, $"        x-koodrive-page: {(docs >= 0 ? copy[docs..] : copy)}");

        var facts = PageFacts.Read(page, operationId).ToDictionary(f => f.Key, f => f.Value);
        var securityHeaders = SpecFacts.SecurityHeaderNames(spec);
        var parameters = new[] { (TableKind.Path, "path"), (TableKind.Query, "query"), (TableKind.Header, "header") }
            .SelectMany(k => page.TablesOf(k.Item1).SelectMany(t => t.Rows).Select(r => (Row: r, In: k.Item2)))
            .Where(p => p.In != "header" || !securityHeaders.Contains(p.Row.Name.ToLowerInvariant()))
            .ToList();
        if (parameters.Count > 0)
        {
            y.AppendLine("      parameters:");
            foreach (var (row, location) in parameters)
            {
                var key = location == "header" ? row.Name.ToLowerInvariant() : row.Name;
                y.AppendLine(CultureInfo.InvariantCulture, $"        - name: {Q(row.Name)}");
                y.AppendLine(CultureInfo.InvariantCulture, $"          in: {location}");
                y.AppendLine(CultureInfo.InvariantCulture, $"          required: {(row.Mandatory == "Yes" || location == "path" ? "true" : "false")}");
                y.AppendLine(CultureInfo.InvariantCulture, $"          description: {Q(Describe(row))}");
                y.AppendLine("          schema:");
                WriteConstraints(y, "            ", operationId, location, key, facts, PageTypes.Normalize(row.Type));
                if (facts.TryGetValue(new FactKey(operationId, location, key, "example"), out var example))
                {
                    y.AppendLine(CultureInfo.InvariantCulture, $"          example: {Q(example)}");
                }
            }
        }

        var schemas = new List<(string Name, string Description, IReadOnlyList<PageRow> Rows, string Location, string Prefix, bool Required)>();
        var body = page.TablesOf(TableKind.Body).SelectMany(t => t.Rows).ToList();
        if (body.Count > 0)
        {
            y.AppendLine("      requestBody:");
            y.AppendLine("        x-name: request");
            y.AppendLine(CultureInfo.InvariantCulture, $"        description: {Q($"The request of {page.Title}.")}");
            y.AppendLine(CultureInfo.InvariantCulture, $"        required: {(body.Exists(r => r.Mandatory == "Yes") ? "true" : "false")}");
            y.AppendLine("        content:");
            y.AppendLine("          application/json:");
            y.AppendLine("            schema:");
            y.AppendLine(CultureInfo.InvariantCulture, $"              $ref: '#/components/schemas/{operationId}Request'");
            WriteExample(y, "            ", page.RequestExample);
            schemas.Add(($"{operationId}Request", $"The request of {page.Title}.", body, "body", "", true));
        }

        y.AppendLine("      responses:");
        var response = page.TablesOf(TableKind.Response).SelectMany(t => t.Rows).ToList();
        foreach (var status in page.StatusCodes.DefaultIfEmpty(new PageStatus("200", "Success.", page.UriLine)))
        {
            y.AppendLine(CultureInfo.InvariantCulture, $"        '{status.Code}':");
            y.AppendLine(CultureInfo.InvariantCulture, $"          description: {Q(status.Description)}");
            if (status.Code == "200" && response.Count > 0)
            {
                y.AppendLine("          content:");
                y.AppendLine("            application/json:");
                y.AppendLine("              schema:");
                y.AppendLine(CultureInfo.InvariantCulture, $"                $ref: '#/components/schemas/{operationId}Response'");
                WriteExample(y, "              ", page.ResponseExamples.GetValueOrDefault(status.Code));
                schemas.Add(($"{operationId}Response", $"The response of {page.Title}.", response, "response", "", false));
            }
        }

        if (spec.Components?.Responses?.ContainsKey("Error") == true)
        {
            y.AppendLine("        default:");
            y.AppendLine("          $ref: '#/components/responses/Error'");
        }

        y.AppendLine("components:");
        y.AppendLine("  schemas:");
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < schemas.Count; i++)
        {
            var (name, description, rows, location, prefix, required) = schemas[i];
            if (!written.Add(name))
            {
                continue;
            }

            if (spec.Components?.Schemas?.ContainsKey(name) == true)
            {
                y.AppendLine(CultureInfo.InvariantCulture, $"    # The spec already has a schema named {name}: keep one of the two.");
            }

            y.AppendLine(CultureInfo.InvariantCulture, $"    {name}:");
            y.AppendLine("      type: object");
            y.AppendLine(CultureInfo.InvariantCulture, $"      description: {Q(description)}");
            var mandatory = rows.Where(r => r.Mandatory == "Yes").Select(r => r.Name).ToList();
            if (required && mandatory.Count > 0)
            {
                y.AppendLine(CultureInfo.InvariantCulture, $"      required: [{string.Join(", ", mandatory)}]");
            }

            y.AppendLine("      properties:");
            foreach (var row in rows)
            {
                var field = prefix + row.Name;
                var type = PageTypes.Normalize(row.Type);
                y.AppendLine(CultureInfo.InvariantCulture, $"        {row.Name}:");
                var objectName = PageTypes.ObjectName(row.Type);
                var table = objectName is null ? null : page.ObjectTable(objectName, location == "body" ? PageSection.Request : PageSection.Response);
                if (objectName is not null && table is not null)
                {
                    schemas.Add((objectName, Describe(row), table.Rows, location, field + ".", required));
                    y.AppendLine(CultureInfo.InvariantCulture, $"          description: {Q(Describe(row))}");
                    if (type!.StartsWith("array", StringComparison.Ordinal))
                    {
                        y.AppendLine("          type: array");
                        WriteConstraints(y, "          ", operationId, location, field, facts, null);
                        y.AppendLine("          items:");
                        y.AppendLine(CultureInfo.InvariantCulture, $"            $ref: '#/components/schemas/{objectName}'");
                    }
                    else
                    {
                        y.AppendLine("          allOf:");
                        y.AppendLine(CultureInfo.InvariantCulture, $"            - $ref: '#/components/schemas/{objectName}'");
                    }
                }
                else
                {
                    y.AppendLine(CultureInfo.InvariantCulture, $"          description: {Q(Describe(row))}");
                    WriteConstraints(y, "          ", operationId, location, field, facts, type);
                }
            }
        }

        return y.ToString();
    }

    private static void WriteConstraints(StringBuilder y, string indent, string operationId, string location, string field, Dictionary<FactKey, string> facts, string? type)
    {
        string? Fact(string aspect) => facts.GetValueOrDefault(new FactKey(operationId, location, field, aspect));
        if (type is not null)
        {
            var parts = type.Split(" of ", 2);
            y.AppendLine(CultureInfo.InvariantCulture, $"{indent}type: {parts[0]}");
            if (parts.Length == 2)
            {
                y.AppendLine(CultureInfo.InvariantCulture, $"{indent}items:");
                y.AppendLine(CultureInfo.InvariantCulture, $"{indent}  type: {parts[1]}");
            }
        }

        if (Fact("length") is { } length)
        {
            var digits = new string([.. length.TakeWhile(char.IsAsciiDigit)]);
            if (digits != length)
            {
                y.AppendLine(CultureInfo.InvariantCulture, $"{indent}# The page says \"{length}\": decide what it means in spec/ERRATA.md.");
            }

            y.AppendLine(CultureInfo.InvariantCulture, $"{indent}minLength: {digits}");
            y.AppendLine(CultureInfo.InvariantCulture, $"{indent}maxLength: {digits}");
        }

        foreach (var aspect in new[] { "minLength", "maxLength", "minItems", "maxItems", "minimum", "maximum" })
        {
            if (Fact(aspect) is { } value)
            {
                y.AppendLine(CultureInfo.InvariantCulture, $"{indent}{aspect}: {value}");
            }
        }

        if (Fact("pattern") is { } pattern)
        {
            y.AppendLine(CultureInfo.InvariantCulture, $"{indent}pattern: {Q(pattern)}");
        }

        if (Fact("enum") is { } values)
        {
            var items = values.Split(", ");
            y.AppendLine(CultureInfo.InvariantCulture, $"{indent}enum: [{string.Join(", ", items.Select(v => type == "string" ? Q(v, force: true) : v))}]");
            if (Fact("enumMeanings") is { } meanings)
            {
                var texts = meanings.Split("; ").Select(m => m[(m.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
                y.AppendLine(CultureInfo.InvariantCulture, $"{indent}x-enum-descriptions: [{string.Join(", ", texts.Select(t => Q(t, force: true)))}]");
            }
        }
    }

    private static void WriteExample(StringBuilder y, string indent, PageExample? example)
    {
        if (example?.Json is null)
        {
            return;
        }

        y.AppendLine(CultureInfo.InvariantCulture, $"{indent}examples:");
        y.AppendLine(CultureInfo.InvariantCulture, $"{indent}  documented:");
        y.AppendLine(CultureInfo.InvariantCulture, $"{indent}    summary: {Q(example.Summary)}");
        string json;
        try
        {
            // JSON is YAML: the page's example goes in as one flow value, exactly as the page has it.
            json = JsonNode.Parse(example.Json)!.ToJsonString(PageFacts.JsonText);
        }
        catch (JsonException)
        {
            json = JsonSerializer.Serialize(example.Json);
            y.AppendLine(CultureInfo.InvariantCulture, $"{indent}    # The page's example is not valid JSON: it is quoted as text below.");
        }

        y.AppendLine(CultureInfo.InvariantCulture, $"{indent}    value: {json}");
    }

    private static string Describe(PageRow row) => PageFacts.Clean(row.Definition.Length > 0 ? row.Definition : row.Description);

    private static string OperationId(DocPage page, OpenApiDocument spec)
    {
        var words = page.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)]))
            .Where(w => w.Length > 0)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        var id = string.Concat(words);
        var taken = spec.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).Select(o => o.OperationId).ToHashSet(StringComparer.Ordinal) ?? [];
        return taken.Contains(id) ? id + "FromPage" : id;
    }

    // A spec tag whose name the page's path mentions ("album" in {albumId}), else the tag of the spec
    // operation whose path shares the longest prefix with the page's.
    private static string Tag(DocPage page, OpenApiDocument spec)
    {
        var named = spec.Tags?.Select(t => t.Name).OfType<string>()
            .FirstOrDefault(t => page.Path.Contains(t, StringComparison.OrdinalIgnoreCase));
        if (named is not null)
        {
            return named;
        }

        var best = (spec.Paths ?? [])
            .SelectMany(p => (p.Value.Operations ?? []).Select(o => (Path: p.Key, Tag: o.Value.Tags?.FirstOrDefault()?.Name)))
            .Where(o => o.Tag is not null)
            .OrderByDescending(o => CommonPrefix(o.Path, page.Path))
            .FirstOrDefault();
        return best.Tag ?? "Default";
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    // A YAML scalar, single-quoted unless it is plainly safe.
    private static string Q(string value, bool force = false)
    {
        var safe = !force && value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or ',' or '(' or ')' or '_' or '/' or '-')
            && char.IsAsciiLetter(value[0]) && !value.EndsWith(' ')
            && value.ToUpperInvariant() is not ("TRUE" or "FALSE" or "NULL" or "YES" or "NO" or "ON" or "OFF" or "Y" or "N");
        return safe ? value : $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
    }
}
