using System.Text.RegularExpressions;

namespace KooDrive.DocSync.Pages;

/// <summary>
/// Reads a KooDrive doc page as saved from the vendor's site, in either layout the pages use: one table
/// cell per line (blank lines between), or markdown tables (<c>| a | b |</c>).
/// </summary>
public static partial class PageReader
{
    private static readonly Dictionary<string, PageSection> Headings = new(StringComparer.Ordinal)
    {
        ["Function"] = PageSection.Function,
        ["URI"] = PageSection.Uri,
        ["Request Parameters"] = PageSection.Request,
        ["Response Parameters"] = PageSection.Response,
        ["Example Requests"] = PageSection.ExampleRequest,
        ["Example Responses"] = PageSection.ExampleResponse,
        ["Status Codes"] = PageSection.StatusCodes,
    };

    private static readonly HashSet<string> SecurityHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "X-User-Id", "X-Date" };

    /// <summary>Reads the page file at <paramref name="path"/>.</summary>
    /// <param name="path">The page file.</param>
    /// <returns>The page.</returns>
    public static DocPage ReadFile(string path) => Read(File.ReadAllText(path), path);

    /// <summary>Reads page text.</summary>
    /// <param name="text">The page text.</param>
    /// <param name="source">Where it came from, for messages and citations.</param>
    /// <returns>The page.</returns>
    /// <exception cref="FormatException">The page has no URI line.</exception>
    public static DocPage Read(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var page = new DocPage(source);
        var lines = Lines(text);
        var sections = new PageSection[lines.Count];
        var section = PageSection.Preamble;
        for (var i = 0; i < lines.Count; i++)
        {
            if (Headings.TryGetValue(lines[i].Text, out var heading))
            {
                section = heading;
            }

            sections[i] = section;
        }

        ReadHeader(page, lines, sections);
        page.Tables = ResolveTables(ReadTables(lines, sections));
        page.StatusCodes = ReadStatusCodes(lines, sections);
        ReadExamples(page, lines, sections);
        return page;
    }

    /// <summary>Whether <paramref name="name"/> is one of the security headers every page lists.</summary>
    /// <param name="name">A header name.</param>
    /// <returns><see langword="true"/> for Authorization, X-User-Id and X-Date.</returns>
    public static bool IsSecurityHeader(string name) => SecurityHeaders.Contains(name);

    // Non-empty, trimmed lines with their 1-based numbers. A line such as "} Example Responses" (the markdown
    // layout glues the end of an example to the next heading) is split in two, both keeping the line number.
    private static List<(int Number, string Text)> Lines(string text)
    {
        var lines = new List<(int, string)>();
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var glued = GluedHeading().Match(line);
            if (glued.Success && Headings.ContainsKey(glued.Groups[2].Value))
            {
                lines.Add((i + 1, glued.Groups[1].Value));
                lines.Add((i + 1, glued.Groups[2].Value));
            }
            else
            {
                lines.Add((i + 1, line));
            }
        }

        return lines;
    }

    private static void ReadHeader(DocPage page, List<(int Number, string Text)> lines, PageSection[] sections)
    {
        var title = lines.FindIndex(l => !l.Text.StartsWith("Updated on", StringComparison.Ordinal));
        if (title >= 0 && sections[title] == PageSection.Preamble)
        {
            (page.TitleLine, page.Title) = lines[title];
        }

        var function = Array.IndexOf(sections, PageSection.Function);
        if (function >= 0 && function + 1 < lines.Count && sections[function + 1] == PageSection.Function)
        {
            (page.FunctionLine, page.Function) = lines[function + 1];
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var uri = UriLine().Match(lines[i].Text);
            if (sections[i] == PageSection.Uri && uri.Success)
            {
                page.Method = uri.Groups[1].Value;
                page.Path = uri.Groups[2].Value;
                page.UriLine = lines[i].Number;
                return;
            }
        }

        throw new FormatException($"{page.Source}: no URI line (\"METHOD /path\") after the \"URI\" heading.");
    }

    private sealed record RawTable(string? Title, PageSection Section, List<PageRow> Rows, int Line);

    private static List<RawTable> ReadTables(List<(int Number, string Text)> lines, PageSection[] sections)
    {
        var tables = new List<RawTable>();
        var i = 0;
        while (i < lines.Count)
        {
            if (sections[i] is not (PageSection.Uri or PageSection.Request or PageSection.Response))
            {
                i++;
                continue;
            }

            var title = i > 0 && TableTitle().Match(lines[i - 1].Text) is { Success: true } t ? t.Groups[1].Value.Trim() : null;
            if (lines[i].Text.StartsWith('|'))
            {
                var start = i;
                while (i < lines.Count && lines[i].Text.StartsWith('|'))
                {
                    i++;
                }

                tables.AddRange(MarkdownTables(lines[start..i], title, sections[start]));
            }
            else if (CellHeader(lines, i) is { } columns)
            {
                var start = i;
                i += columns;
                var end = i;
                while (end < lines.Count && sections[end] == sections[start] && !EndsCellTable(lines, end))
                {
                    end++;
                }

                tables.Add(new RawTable(title, sections[start], CellRows(lines[i..end], columns == 4), lines[start].Number));
                i = end;
            }
            else
            {
                i++;
            }
        }

        return tables;
    }

    // A markdown block may hold several tables back to back, each starting with its own header row.
    private static IEnumerable<RawTable> MarkdownTables(List<(int Number, string Text)> block, string? title, PageSection section)
    {
        RawTable? table = null;
        string[] header = [];
        foreach (var (number, text) in block)
        {
            var cells = MarkdownCells(text);
            if (cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':')))
            {
                continue;
            }

            if (cells.Length > 0 && cells[0] == "Parameter")
            {
                if (table is not null)
                {
                    yield return table;
                }

                header = cells;
                table = new RawTable(title, section, [], number);
                title = null;
                continue;
            }

            if (table is null || cells.Length != header.Length)
            {
                continue;
            }

            var mandatory = Array.IndexOf(header, "Mandatory");
            var type = Array.IndexOf(header, "Type");
            var description = Array.IndexOf(header, "Description");
            table.Rows.Add(new PageRow(
                cells[0],
                mandatory >= 0 ? cells[mandatory] : null,
                type >= 0 ? cells[type] : "",
                description >= 0 ? cells[description] : "",
                number));
        }

        if (table is not null)
        {
            yield return table;
        }
    }

    private static string[] MarkdownCells(string line)
    {
        // Split at unescaped pipes; "\|" is a literal pipe inside a cell.
        var cells = UnescapedPipe().Split(line.Trim().Trim('|'));
        return [.. cells.Select(c => c.Replace(@"\|", "|", StringComparison.Ordinal).Trim())];
    }

    // "Parameter" followed by "Mandatory", "Type", "Description" (4 columns) or "Type", "Description" (3).
    private static int? CellHeader(List<(int Number, string Text)> lines, int i)
    {
        static bool At(List<(int Number, string Text)> lines, int i, string text) => i < lines.Count && lines[i].Text == text;
        if (!At(lines, i, "Parameter"))
        {
            return null;
        }

        if (At(lines, i + 1, "Mandatory") && At(lines, i + 2, "Type") && At(lines, i + 3, "Description"))
        {
            return 4;
        }

        return At(lines, i + 1, "Type") && At(lines, i + 2, "Description") ? 3 : null;
    }

    private static bool EndsCellTable(List<(int Number, string Text)> lines, int i) =>
        TableTitle().IsMatch(lines[i].Text) || CellHeader(lines, i) is not null || StatusLine().IsMatch(lines[i].Text);

    // One cell per line: a row starts with a name, then (4 columns) "Yes"/"No", then a type; the description
    // runs until the next row start.
    private static List<PageRow> CellRows(List<(int Number, string Text)> cells, bool hasMandatory)
    {
        var starts = new List<int>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (IsRowStart(cells, i, hasMandatory))
            {
                starts.Add(i);
            }
        }

        var rows = new List<PageRow>();
        for (var s = 0; s < starts.Count; s++)
        {
            var i = starts[s];
            var end = s + 1 < starts.Count ? starts[s + 1] : cells.Count;
            var typeAt = hasMandatory ? i + 2 : i + 1;
            var description = string.Join(' ', cells[(typeAt + 1)..end].Select(c => c.Text));
            rows.Add(new PageRow(cells[i].Text, hasMandatory ? cells[i + 1].Text : null, cells[typeAt].Text, description, cells[i].Number));
        }

        return rows;
    }

    private static bool IsRowStart(List<(int Number, string Text)> cells, int i, bool hasMandatory)
    {
        if (!Identifier().IsMatch(cells[i].Text))
        {
            return false;
        }

        if (hasMandatory)
        {
            return i + 2 < cells.Count && cells[i + 1].Text is "Yes" or "No" && PageTypes.IsTypeText(cells[i + 2].Text);
        }

        return i + 1 < cells.Count && PageTypes.IsTypeText(cells[i + 1].Text);
    }

    // Titles say what a table is ("Table 2 Request header parameters", "Table 4 ScopeBaseInfo"). Untitled
    // (markdown) tables are placed by section and order: the URI's table holds path parameters; in the request,
    // a table naming headers is the header table, the next the body, any later ones the objects the body refers
    // to, in the order it refers to them; likewise in the response.
    private static List<PageTable> ResolveTables(List<RawTable> raw)
    {
        var tables = new List<PageTable>();
        foreach (var group in raw.GroupBy(t => t.Section))
        {
            var pendingObjects = new Queue<string>();
            var seenBody = false;
            foreach (var table in group)
            {
                var (kind, name) = Classify(table, ref seenBody, pendingObjects);
                tables.Add(new PageTable(kind, name, table.Section, table.Rows, table.Line));
                if (kind is TableKind.Body or TableKind.Response or TableKind.ObjectFields)
                {
                    foreach (var row in table.Rows)
                    {
                        if (PageTypes.ObjectName(row.Type) is { } referenced && !pendingObjects.Contains(referenced))
                        {
                            pendingObjects.Enqueue(referenced);
                        }
                    }
                }
            }
        }

        return [.. tables.OrderBy(t => t.Line)];
    }

    private static (TableKind Kind, string? Name) Classify(RawTable table, ref bool seenBody, Queue<string> pendingObjects)
    {
        if (table.Title is { } title)
        {
            var lower = title.ToUpperInvariant();
            if (lower.Contains("PATH PARAMETER", StringComparison.Ordinal))
            {
                return (TableKind.Path, null);
            }

            if (lower.Contains("QUERY PARAMETER", StringComparison.Ordinal))
            {
                return (TableKind.Query, null);
            }

            if (lower.Contains("HEADER", StringComparison.Ordinal))
            {
                return (TableKind.Header, null);
            }

            if (lower.Contains("BODY PARAMETER", StringComparison.Ordinal))
            {
                seenBody = true;
                return (table.Section == PageSection.Response ? TableKind.Response : TableKind.Body, null);
            }

            return (TableKind.ObjectFields, title);
        }

        switch (table.Section)
        {
            case PageSection.Uri:
                return (TableKind.Path, null);
            case PageSection.Request when table.Rows.Any(r => IsSecurityHeader(r.Name) || r.Name.StartsWith("X-", StringComparison.OrdinalIgnoreCase)):
                return (TableKind.Header, null);
            case PageSection.Request or PageSection.Response when !seenBody:
                seenBody = true;
                return (table.Section == PageSection.Response ? TableKind.Response : TableKind.Body, null);
            default:
                return (TableKind.ObjectFields, pendingObjects.Count > 0 ? pendingObjects.Dequeue() : $"Object{table.Line}");
        }
    }

    private static List<PageStatus> ReadStatusCodes(List<(int Number, string Text)> lines, PageSection[] sections)
    {
        var codes = new List<PageStatus>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (sections[i] != PageSection.StatusCodes)
            {
                continue;
            }

            var text = lines[i].Text;
            if (text.StartsWith('|'))
            {
                var cells = MarkdownCells(text);
                if (cells.Length >= 2 && StatusCode().IsMatch(cells[0]))
                {
                    codes.Add(new PageStatus(cells[0], cells[1], lines[i].Number));
                }
            }
            else if (StatusCode().IsMatch(text))
            {
                var description = i + 1 < lines.Count && sections[i + 1] == PageSection.StatusCodes ? lines[i + 1].Text : "";
                codes.Add(new PageStatus(text, description, lines[i].Number));
            }
        }

        return codes;
    }

    private static void ReadExamples(DocPage page, List<(int Number, string Text)> lines, PageSection[] sections)
    {
        var request = Section(lines, sections, PageSection.ExampleRequest);
        if (request.Count > 0)
        {
            var (summaryLine, summary) = request[0];
            var body = request.Skip(1).ToList();
            var (json, jsonLine) = ExtractJson(body);
            var prefix = string.Join(' ', body.TakeWhile(l => !l.Text.StartsWith('{')).Select(l => l.Text));
            var headers = new List<(string, string, int)>();
            var tokens = prefix.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var t = 0; t < tokens.Length; t++)
            {
                var line = body.FirstOrDefault(l => l.Text.Contains(tokens[t], StringComparison.Ordinal)).Number;
                if (tokens[t].StartsWith('/') && page.ExampleTarget is null)
                {
                    page.ExampleTarget = tokens[t];
                    page.ExampleTargetLine = line;
                }
                else if (HeaderToken().Match(tokens[t]) is { Success: true } header)
                {
                    var value = header.Groups[2].Value;
                    if (value.Length == 0 && t + 1 < tokens.Length)
                    {
                        value = tokens[++t];
                    }

                    headers.Add((header.Groups[1].Value, value, line));
                }
            }

            page.ExampleHeaders = headers;
            page.RequestExample = json is null ? null : new PageExample(summary, json, jsonLine, summaryLine);
        }

        var responses = new Dictionary<string, PageExample>(StringComparer.Ordinal);
        var response = Section(lines, sections, PageSection.ExampleResponse);
        for (var i = 0; i < response.Count; i++)
        {
            if (StatusLine().Match(response[i].Text) is { Success: true } status && i + 1 < response.Count)
            {
                var rest = response.Skip(i + 2).TakeWhile(l => !StatusLine().IsMatch(l.Text)).ToList();
                var (json, jsonLine) = ExtractJson(rest);
                responses.TryAdd(status.Groups[1].Value, new PageExample(response[i + 1].Text, json, jsonLine, response[i + 1].Number));
            }
        }

        page.ResponseExamples = responses;
    }

    private static List<(int Number, string Text)> Section(List<(int Number, string Text)> lines, PageSection[] sections, PageSection section) =>
        [.. lines.Where((_, i) => sections[i] == section && !Headings.ContainsKey(lines[i].Text))];

    // The JSON text from the first "{" to its matching "}" (strings respected), and the line it starts on.
    private static (string? Json, int Line) ExtractJson(List<(int Number, string Text)> lines)
    {
        var start = lines.FindIndex(l => l.Text.StartsWith('{'));
        if (start < 0)
        {
            return (null, 0);
        }

        var text = string.Join('\n', lines.Skip(start).Select(l => l.Text));
        var depth = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return (text[..(i + 1)], lines[start].Number);
            }
        }

        return (text, lines[start].Number);
    }

    [GeneratedRegex(@"^(\})\s+(.+)$")]
    private static partial Regex GluedHeading();

    [GeneratedRegex(@"^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(/\S*)$")]
    private static partial Regex UriLine();

    [GeneratedRegex(@"^Table \d+\s+(.+)$")]
    private static partial Regex TableTitle();

    [GeneratedRegex(@"^Status code: (\d{3})$")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"^[A-Za-z_$][\w.$-]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"^([A-Za-z][\w-]*):(.*)$")]
    private static partial Regex HeaderToken();
}
