using KooDrive.DocSync.Facts;
using KooDrive.DocSync.Tests.Support;
using static KooDrive.DocSync.Tests.Support.CommittedDocs;

namespace KooDrive.DocSync.Tests.Checking;

/// <summary>
/// Changes one fact of a committed page in memory and checks that `check` reports exactly that fact,
/// naming the field, with the page's new value and the spec's value.
/// </summary>
public class SingleFactMutationTests
{
    [Fact]
    public void The_committed_pages_report_nothing_the_errata_do_not_acknowledge()
    {
        var result = DocSyncChecker.Check(PageFiles.Select(Pages.PageReader.ReadFile), CommittedSpec, CommittedErrata);

        Assert.Equal(5, PageFiles.Count);
        Assert.Empty(result.UnknownPages);
        Assert.True(result.Passed, string.Join('\n', result.Unacknowledged));
    }

    [Fact]
    public void Without_the_errata_the_committed_pages_differ_from_the_spec_where_the_errata_say()
    {
        var result = DocSyncChecker.Check(PageFiles.Select(Pages.PageReader.ReadFile), CommittedSpec, KooDrive.DocSync.Errata.ErrataBook.Empty);

        Assert.False(result.Passed);
        Assert.Contains(result.Differences, d => d.Key == new FactKey("DeleteBackupScopes", "response", "failedScopeList", "type"));
        Assert.Contains(result.Differences, d => d.Key == new FactKey("DeleteAlbumContents", "header", "x-traceid", "length") && d.PageValue == "58 bits");
    }

    [Theory]
    // A limit: the list maximum.
    [InlineData("delete-backup-scopes.txt", "The maximum length of the set is 100.", "The maximum length of the set is 50.", "body", "scopeIdList", "maxItems", "50", "100")]
    // A mandatory flag, in a nested object table (one cell per line).
    [InlineData("add-backup-scopes.txt", "localPath\n\nNo\n", "localPath\n\nYes\n", "body", "scopeList.localPath", "required", "yes", "no")]
    // A type, in a nested response object.
    [InlineData("unbind-device.txt", "machineCode\n\nString", "machineCode\n\nInteger", "response", "data.machineCode", "type", "integer", "string")]
    // An added field (markdown table).
    [InlineData("delete-album-contents.txt", "| msg | String | Response. |", "| msg | String | Response. |\n| total | Integer | Contents removed. |", "response", "total", "type", "integer", "(none)")]
    // A removed field.
    [InlineData("unbind-device.txt", "deviceOS\n\nString\n\nDevice system.\n\n", "", "response", "data.deviceOS", "type", "(none)", "string")]
    // An enum range.
    [InlineData("add-backup-scopes.txt", "100–102", "100–103", "body", "moduleCode", "enum", "100, 101, 102, 103", "100, 101, 102")]
    // A header's mandatory flag (markdown table).
    [InlineData("delete-backup-record.txt", "| x-backup-lock-id | Yes |", "| x-backup-lock-id | No |", "header", "x-backup-lock-id", "required", "no", "yes")]
    // A header's length, in the page's own unit.
    [InlineData("delete-album-contents.txt", "Range: The value contains 58 bits.", "Range: The value contains 64 bits.", "header", "x-traceid", "length", "64 bits", "58")]
    // A string's maximum length.
    [InlineData("delete-album-contents.txt", "The maximum length of a list is 1000.", "The maximum length of a list is 2000.", "body", "ids", "maxItems", "2000", "1000")]
    // An example value.
    [InlineData("add-backup-scopes.txt", "\"scopeId\" : \"1842846715527366528\"", "\"scopeId\" : \"1842846715527366529\"", "response-example", "scopeList[0].scopeId", "value", "\"1842846715527366529\"", "\"1842846715527366528\"")]
    public void A_changed_fact_is_reported_naming_its_field(string page, string find, string replacement, string location, string field, string aspect, string pageValue, string specValue)
    {
        var mutated = Page(page, ReplaceOnce(PageText(page), find, replacement));

        var open = CheckPage(mutated).Unacknowledged.ToList();

        var difference = Assert.Single(open);
        Assert.Equal((location, field, aspect), (difference.Key.Location, difference.Key.Field, difference.Key.Aspect));
        Assert.Equal((pageValue, specValue), (difference.PageValue, difference.SpecValue));
        Assert.Contains($" {field} {aspect}: ", difference.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_added_header_is_reported_with_each_fact_the_page_states()
    {
        var text = ReplaceOnce(
            PageText("delete-backup-record.txt"),
            "| x-backup-lock-id | Yes | String | Definition: Lock ID. Constraints: N/A Range: N/A Default Value: N/A |",
            "| x-backup-lock-id | Yes | String | Definition: Lock ID. Constraints: N/A Range: N/A Default Value: N/A |\n| X-Traceid | No | String | Definition: Service trace ID. Constraints: N/A Range: The value contains 58 characters. Default Value: N/A |");

        var open = CheckPage(Page("delete-backup-record.txt", text)).Unacknowledged.ToList();

        Assert.All(open, d => Assert.Equal(("header", "x-traceid"), (d.Key.Location, d.Key.Field)));
        Assert.Equal(["length", "required", "type"], open.Select(d => d.Key.Aspect).Order(StringComparer.Ordinal));
        Assert.All(open, d => Assert.Equal(FactValues.None, d.SpecValue));
    }

    [Fact]
    public void A_page_for_an_operation_the_spec_lacks_is_reported_as_such()
    {
        var text = ReplaceOnce(PageText("unbind-device.txt"), "DELETE /koodrive/ose/v1/backup/device/{deviceId}\n", "DELETE /koodrive/ose/v1/backup/device/{deviceId}/lock\n");

        var result = CheckPage(Page("unbind-device.txt", text));

        Assert.False(result.Passed);
        var unknown = Assert.Single(result.UnknownPages);
        Assert.Equal("/koodrive/ose/v1/backup/device/{deviceId}/lock", unknown.Path);
        var difference = Assert.Single(result.Differences);
        Assert.Equal(new FactKey("DELETE /koodrive/ose/v1/backup/device/{deviceId}/lock", "operation", "-", "exists"), difference.Key);
    }

    [Fact]
    public void A_spec_edit_the_page_does_not_back_is_reported()
    {
        var spec = DocSyncChecker.LoadSpec(ReplaceOnce(SpecText, "          maxItems: 1000\n", "          maxItems: 999\n"));

        var open = CheckPage(Pages.PageReader.ReadFile(PageFile("delete-album-contents.txt")), spec).Unacknowledged;

        var difference = Assert.Single(open);
        Assert.Equal(("ids", "maxItems", "1000", "999"), (difference.Key.Field, difference.Key.Aspect, difference.PageValue, difference.SpecValue));
    }
}
