using KooDrive.DocSync.Pages;
using KooDrive.DocSync.Tests.Support;

namespace KooDrive.DocSync.Tests.Checking;

/// <summary>Both page layouts read into the same structure.</summary>
public class PageReaderTests
{
    [Fact]
    public void A_description_block_printed_twice_counts_once()
    {
        // Errata E11: the backup pages print X-Date's Definition/Constraints/Range block twice.
        var page = PageReader.ReadFile(CommittedDocs.PageFile("add-backup-scopes.txt"));
        var date = page.TablesOf(TableKind.Header).SelectMany(t => t.Rows).Single(r => r.Name == "X-Date");

        Assert.Equal("The value must be within 15 minutes from the current time and cannot be later than the current time.", date.Constraints);
        Assert.Equal("The format is yyyMMdd'T'HHmmss'Z', for example, 20251103T070140Z.", date.Range);
    }

    [Fact]
    public void One_cell_per_line_pages_read_their_tables_rows_and_nested_objects()
    {
        var page = PageReader.ReadFile(CommittedDocs.PageFile("add-backup-scopes.txt"));

        Assert.Equal(("POST", "/koodrive/ose/v1/backup/device/{deviceId}/scope", 11), (page.Method, page.Path, page.UriLine));
        Assert.Equal(["deviceId"], page.TablesOf(TableKind.Path).SelectMany(t => t.Rows).Select(r => r.Name));
        Assert.Equal(["Authorization", "X-User-Id", "X-Date"], page.TablesOf(TableKind.Header).SelectMany(t => t.Rows).Select(r => r.Name));
        Assert.Equal(["moduleCode", "scopeList"], page.TablesOf(TableKind.Body).SelectMany(t => t.Rows).Select(r => r.Name));
        Assert.Equal(["localPath", "targetFolderPath"], page.ObjectTable("ScopeBaseInfo", PageSection.Request)!.Rows.Select(r => r.Name));
        Assert.Equal(["localPath", "targetFolderPath", "errorCode", "msg"], page.ObjectTable("ScopeAddFailedInfo", PageSection.Response)!.Rows.Select(r => r.Name));
        Assert.Equal("^(?:$|/[^\\]*$)", page.ObjectTable("ScopeBaseInfo", PageSection.Request)!.Rows[0].Constraints);
        Assert.Equal(("200", 397), (page.StatusCodes.Single().Code, page.StatusCodes.Single().Line));
    }

    [Fact]
    public void Markdown_pages_read_untitled_tables_by_section_and_order()
    {
        var page = PageReader.ReadFile(CommittedDocs.PageFile("delete-album-contents.txt"));

        Assert.Equal(["albumId"], page.TablesOf(TableKind.Path).SelectMany(t => t.Rows).Select(r => r.Name));
        Assert.Equal(["Authorization", "X-Date", "X-Traceid", "X-User-Id", "language"], page.TablesOf(TableKind.Header).SelectMany(t => t.Rows).Select(r => r.Name));
        var ids = Assert.Single(page.TablesOf(TableKind.Body).SelectMany(t => t.Rows));
        Assert.Equal(("ids", "Yes", "Array of strings", 19), (ids.Name, ids.Mandatory, ids.Type, ids.Line));
        Assert.Equal("The maximum length of a list is 1000.", ids.Range);
        Assert.Equal(["code", "msg"], page.TablesOf(TableKind.Response).SelectMany(t => t.Rows).Select(r => r.Name));
        Assert.Equal("{\n\"code\" : 0,\n\"msg\" : \"Success.\"\n}", page.ResponseExamples["200"].Json);
    }

    [Fact]
    public void Example_requests_give_the_path_and_header_values()
    {
        var page = PageReader.ReadFile(CommittedDocs.PageFile("delete-backup-record.txt"));

        Assert.Equal("/koodrive/ose/v1/backup/record/1842862763295184641", page.ExampleTarget);
        Assert.Contains(("x-backup-lock-id", "78e41c7e-db02-4d55-85b3-8153e4fefd2e@102", 24), page.ExampleHeaders);
        Assert.Null(page.RequestExample);
    }

    [Theory]
    [InlineData("The maximum length of the set is 100.", "array of string", "maxItems", "100")]
    [InlineData("100–102", "string", "enum", "100, 101, 102")]
    [InlineData("The maximum length is 10,000.", "string", "maxLength", "10000")]
    [InlineData("The value contains 58 bits.", "string", "length", "58 bits")]
    [InlineData("The value ranges from 1 to 50.", "integer", "maximum", "50")]
    public void Range_text_reads_as_a_constraint(string text, string type, string aspect, string value)
    {
        Assert.Contains((aspect, value), ConstraintText.Read(text, type));
    }
}
