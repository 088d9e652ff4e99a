namespace KooDrive.DocSync.Pages;

/// <summary>The part of a doc page a line belongs to, from the page's own headings.</summary>
public enum PageSection
{
    /// <summary>Before the first heading: the title and the "Updated on" line.</summary>
    Preamble,

    /// <summary>"Function": what the operation does.</summary>
    Function,

    /// <summary>"URI": the method and path, then the path parameter table.</summary>
    Uri,

    /// <summary>"Request Parameters": header, query and body tables, and the body's object tables.</summary>
    Request,

    /// <summary>"Response Parameters": the response body table and its object tables.</summary>
    Response,

    /// <summary>"Example Requests".</summary>
    ExampleRequest,

    /// <summary>"Example Responses".</summary>
    ExampleResponse,

    /// <summary>"Status Codes".</summary>
    StatusCodes,
}

/// <summary>What a table of a page describes.</summary>
public enum TableKind
{
    /// <summary>Path parameters.</summary>
    Path,

    /// <summary>Query parameters.</summary>
    Query,

    /// <summary>Request header parameters.</summary>
    Header,

    /// <summary>Request body fields.</summary>
    Body,

    /// <summary>Response body fields.</summary>
    Response,

    /// <summary>The fields of an object type another row refers to ("Table 4 ScopeBaseInfo").</summary>
    ObjectFields,
}

/// <summary>One row of a parameter table.</summary>
/// <param name="Name">The parameter or field name.</param>
/// <param name="Mandatory">"Yes"/"No", or <see langword="null"/> in tables without that column (responses).</param>
/// <param name="Type">The type text ("String", "Array of ScopeInfo objects", ...).</param>
/// <param name="Description">The description cell, its lines joined with spaces.</param>
/// <param name="Line">The 1-based page line of the row's name.</param>
public sealed record PageRow(string Name, string? Mandatory, string Type, string Description, int Line)
{
    /// <summary>The "Definition:" part of the description (the whole description when it has no labels).</summary>
    public string Definition => DescriptionParts.Parse(Description).Definition;

    /// <summary>The "Constraints:" part, or empty.</summary>
    public string Constraints => DescriptionParts.Parse(Description).Constraints;

    /// <summary>The "Range:" part, or empty.</summary>
    public string Range => DescriptionParts.Parse(Description).Range;
}

/// <summary>A parameter table of a page.</summary>
/// <param name="Kind">What the table describes.</param>
/// <param name="ObjectName">For <see cref="TableKind.ObjectFields"/>, the type name rows refer to; otherwise <see langword="null"/>.</param>
/// <param name="Section">The section the table is in.</param>
/// <param name="Rows">The rows.</param>
/// <param name="Line">The 1-based page line where the table starts.</param>
public sealed record PageTable(TableKind Kind, string? ObjectName, PageSection Section, IReadOnlyList<PageRow> Rows, int Line);

/// <summary>A status code row of the "Status Codes" table.</summary>
/// <param name="Code">The status code.</param>
/// <param name="Description">Its description.</param>
/// <param name="Line">The 1-based page line.</param>
public sealed record PageStatus(string Code, string Description, int Line);

/// <summary>A JSON example of a page, with the line its text starts on.</summary>
/// <param name="Summary">The sentence the page prints before the example.</param>
/// <param name="Json">The example's text as printed (may be invalid JSON).</param>
/// <param name="Line">The 1-based page line where the JSON starts.</param>
/// <param name="SummaryLine">The 1-based page line of the summary.</param>
public sealed record PageExample(string Summary, string? Json, int Line, int SummaryLine);

/// <summary>Everything the doc-sync tool reads from one vendor doc page.</summary>
public sealed class DocPage
{
    /// <summary>Creates a page.</summary>
    /// <param name="source">Where the page was read from (as given, for messages and citations).</param>
    public DocPage(string source) => Source = source;

    /// <summary>Where the page was read from.</summary>
    public string Source { get; }

    /// <summary>The page title ("Adding Backup Scopes").</summary>
    public string Title { get; internal set; } = "";

    /// <summary>The line of <see cref="Title"/>.</summary>
    public int TitleLine { get; internal set; }

    /// <summary>The "Function" text.</summary>
    public string Function { get; internal set; } = "";

    /// <summary>The line of <see cref="Function"/>.</summary>
    public int FunctionLine { get; internal set; }

    /// <summary>The HTTP method of the URI line, upper case.</summary>
    public string Method { get; internal set; } = "";

    /// <summary>The path template of the URI line.</summary>
    public string Path { get; internal set; } = "";

    /// <summary>The line of the URI.</summary>
    public int UriLine { get; internal set; }

    /// <summary>The parameter tables, in page order.</summary>
    public IReadOnlyList<PageTable> Tables { get; internal set; } = [];

    /// <summary>The "Status Codes" rows.</summary>
    public IReadOnlyList<PageStatus> StatusCodes { get; internal set; } = [];

    /// <summary>The request example: its target (path, query) as printed, or <see langword="null"/>.</summary>
    public string? ExampleTarget { get; internal set; }

    /// <summary>The line of <see cref="ExampleTarget"/>.</summary>
    public int ExampleTargetLine { get; internal set; }

    /// <summary>Header values of the request example (<c>Name:value</c> tokens), by the name as printed.</summary>
    public IReadOnlyList<(string Name, string Value, int Line)> ExampleHeaders { get; internal set; } = [];

    /// <summary>The request example, when the page prints one.</summary>
    public PageExample? RequestExample { get; internal set; }

    /// <summary>The example response of each status code.</summary>
    public IReadOnlyDictionary<string, PageExample> ResponseExamples { get; internal set; } = new Dictionary<string, PageExample>();

    /// <summary>The tables of one kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The tables, in page order.</returns>
    public IEnumerable<PageTable> TablesOf(TableKind kind) => Tables.Where(t => t.Kind == kind);

    /// <summary>The object table named <paramref name="name"/> in <paramref name="section"/>, if the page has one.</summary>
    /// <param name="name">The object type name.</param>
    /// <param name="section">The section (request or response).</param>
    /// <returns>The table, or <see langword="null"/>.</returns>
    public PageTable? ObjectTable(string name, PageSection section) =>
        Tables.FirstOrDefault(t => t.Kind == TableKind.ObjectFields && t.Section == section && t.ObjectName == name)
        ?? Tables.FirstOrDefault(t => t.Kind == TableKind.ObjectFields && t.ObjectName == name);
}
