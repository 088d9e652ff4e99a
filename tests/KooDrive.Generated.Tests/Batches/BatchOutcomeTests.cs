using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KooDrive.Generated.Tests.Support;

namespace KooDrive.Generated.Tests.Batches;

public class BatchOutcomeTests
{
    // The delete-scopes page's example response (the spec's corrected request IDs, verbatim response).
    private const string PageResponse = """
        {"scopeIdList":["1842846715527366528"],
         "failedScopeList":[
           {"scopeId":"123","errorCode":"15000424","msg":"Request to repeatedly delete scopeId."},
           {"scopeId":"123","errorCode":"15000418","msg":"The backup scope does not exist."},
           {"scopeId":"345","errorCode":"15000418","msg":"The backup scope does not exist."},
           {"scopeId":"1760265745989677312","errorCode":"15000418","msg":"The backup scope does not exist."},
           {"scopeId":"1752777931588940032","errorCode":"15000418","msg":"The backup scope does not exist."},
           {"scopeId":"1752990708303704321","errorCode":"15000418","msg":"The backup scope does not exist."}],
         "code":0,"msg":"success"}
        """;

    [Fact]
    public void The_pages_example_accounts_for_every_requested_ID_including_the_repeated_one()
    {
        var request = DeleteBackupScopesRequest.Create(123L, 123L, 345L, 1760265745989677312L, 1752777931588940032L, 1752990708303704321L, 1842846715527366528L);

        var outcome = KooDriveJson.Read<DeleteBackupScopesResponse>(PageResponse).GetOutcome(request);

        Assert.Equal(7, outcome.Items.Count);
        Assert.Equal(Enumerable.Range(0, 7), outcome.Items.Select(i => i.Index));
        Assert.Equal("1842846715527366528", Assert.Single(outcome.Succeeded).Input.Digits);
        Assert.Equal(6, outcome.Failed.Count);
        Assert.Empty(outcome.NotAttempted);
        Assert.Equal(["15000424", "15000418"], outcome.Items.Take(2).Select(i => i.ErrorCode));
        Assert.Equal("The backup scope does not exist.", outcome.Items[2].ErrorMessage);
        Assert.Empty(outcome.UnmatchedResults);
        Assert.Empty(outcome.UnmatchedFailures);
        Assert.False(outcome.AllSucceeded);
    }

    [Fact]
    public void An_ID_the_response_does_not_mention_is_not_attempted()
    {
        var response = KooDriveJson.Read<DeleteBackupScopesResponse>("""{"code":0,"scopeIdList":["1"],"failedScopeList":{"scopeId":"2","errorCode":"15000418","msg":"gone"}}""");

        var outcome = response.GetOutcome([1L, 2L, 3L]);

        Assert.Equal([BatchItemStatus.Succeeded, BatchItemStatus.Failed, BatchItemStatus.NotAttempted], outcome.Items.Select(i => i.Status));
        Assert.Equal("3", Assert.Single(outcome.NotAttempted).Input.Digits);
        Assert.Equal("1", outcome.Items[0].Result);
        Assert.Null(outcome.Items[1].Result);
    }

    [Fact]
    public void Entries_that_match_no_requested_ID_are_reported_apart()
    {
        var response = KooDriveJson.Read<DeleteBackupScopesResponse>("""{"code":0,"scopeIdList":["1","9"],"failedScopeList":[{"errorCode":"500","msg":"no id"},{"scopeId":"8","errorCode":"15000418"}]}""");

        var outcome = response.GetOutcome([1L]);

        Assert.True(outcome.AllSucceeded);
        Assert.Equal(["9"], outcome.UnmatchedResults);
        Assert.Equal([new BatchFailure(null, "500", "no id"), new BatchFailure("8", "15000418", null)], outcome.UnmatchedFailures);
    }

    [Fact]
    public void An_empty_response_leaves_every_ID_not_attempted()
    {
        var outcome = KooDriveJson.Read<DeleteBackupScopesResponse>("""{"code":0}""").GetOutcome([KooDriveId.Parse("0042"), 7L]);

        Assert.All(outcome.Items, i => Assert.Equal(BatchItemStatus.NotAttempted, i.Status));
    }

    [Fact]
    public void IDs_match_by_value_whatever_leading_zeros_either_side_wrote()
    {
        var outcome = KooDriveJson.Read<DeleteBackupScopesResponse>("""{"code":0,"scopeIdList":["42"],"failedScopeList":[{"scopeId":"0007","errorCode":"1"}]}""")
            .GetOutcome([KooDriveId.Parse("0042"), 7L]);

        Assert.Equal([BatchItemStatus.Succeeded, BatchItemStatus.Failed], outcome.Items.Select(i => i.Status));
    }

    [Fact]
    public void Added_scopes_are_matched_by_their_paths_and_carry_their_new_scope_ID()
    {
        var request = new AddBackupScopesRequest { ModuleCode = ModuleCode.AddressBookBackup };
        request.ScopeList.Add(new ScopeBaseInfo { LocalPath = "/asdkhsdahjksd", TargetFolderPath = "/ashdjkha" });
        request.ScopeList.Add(new ScopeBaseInfo { LocalPath = "/refused" });
        request.ScopeList.Add(new ScopeBaseInfo { TargetFolderPath = "/unmentioned" });
        var response = KooDriveJson.Read<AddBackupScopesResponse>("""
            {"scopeList":[{"localPath":"/asdkhsdahjksd","targetFolderPath":"/ashdjkha","scopeId":1842846715527366528,"moduleCode":"102"}],
             "failedScopeList":{"localPath":"/refused","targetFolderPath":"","errorCode":"15000401","msg":"exists"},"code":0,"msg":"success"}
            """);

        var outcome = response.GetOutcome(request);

        Assert.Equal("1842846715527366528", outcome.Items[0].Result!.ScopeId);
        Assert.Equal((BatchItemStatus.Failed, "15000401"), (outcome.Items[1].Status, outcome.Items[1].ErrorCode));
        Assert.Equal(BatchItemStatus.NotAttempted, outcome.Items[2].Status);
    }

    [Property(MaxTest = 200)]
    public Property Every_requested_ID_is_accounted_for_exactly_once() =>
        Prop.ForAll(
            (from ids in Gen.ListOf(Gen.Choose(1, 12)).Select(l => l.Select(i => (long)i).ToArray())
             from fates in Gen.ArrayOf(Gen.Choose(0, 2), ids.Length)
             from extra in Gen.ListOf(Gen.Choose(13, 20))
             select (ids, fates, extra)).ToArbitrary(),
            input =>
            {
                var (ids, fates, extra) = input;
                var response = new DeleteBackupScopesResponse
                {
                    ScopeIdList = ids.Where((_, i) => fates[i] == 0).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Concat(extra.Select(e => e.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
                    FailedScopeList = ids.Where((_, i) => fates[i] == 1).Select(i => new ScopeDeleteFailedInfo { ScopeId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorCode = "15000418" }).ToList(),
                };

                var outcome = response.GetOutcome(ids.Select(KooDriveId.FromInt64));

                // A repeated ID cannot be told apart from itself, so compare each ID's statuses as a multiset.
                static string Tally(IEnumerable<(long Id, BatchItemStatus Status)> items) =>
                    string.Join(',', items.Select(i => $"{i.Id}:{i.Status}").Order(StringComparer.Ordinal));
                var expected = Tally(ids.Select((id, i) => (id, (BatchItemStatus)fates[i])));
                var actual = Tally(outcome.Items.Select(i => (i.Input.ToInt64(), i.Status)));
                return outcome.Items.Count == ids.Length
                    && outcome.Items.Select(i => i.Input.ToInt64()).SequenceEqual(ids)
                    && expected == actual
                    && outcome.Succeeded.Count + outcome.Failed.Count + outcome.NotAttempted.Count == ids.Length
                    && outcome.UnmatchedResults.Count == extra.Count
                    && outcome.UnmatchedFailures.Count == 0;
            });
}
