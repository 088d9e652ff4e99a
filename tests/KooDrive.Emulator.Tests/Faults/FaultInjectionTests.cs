using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KooDrive.Emulator.Faults;
using KooDrive.Emulator.Tests.Support;

namespace KooDrive.Emulator.Tests.Faults;

public class FaultInjectionTests : EmulatorTest
{
    private string ScopePath => $"koodrive/ose/v1/backup/device/{Harness.Seed.Device.DeviceId}/scope";

    private string UnbindPath => $"koodrive/ose/v1/backup/device/{Harness.Seed.Device.DeviceId}";

    private string DeleteScopesBody => $$"""{"scopeIdList":["{{Harness.Seed.Scopes[0].ScopeId}}","404"]}""";

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_server_error_answers_with_the_status_and_the_inner_failure_envelope_then_clears(int status)
    {
        Harness.Emulator.Faults.Inject("DeleteBackupScopes", EmulatorFault.ServerError(status));
        var client = Harness.Client(AuthMode.Bearer);

        var faulted = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, ScopePath, DeleteScopesBody);
        var next = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, ScopePath, DeleteScopesBody);

        Assert.Equal((HttpStatusCode)status, faulted.Status);
        Assert.Equal(13000201, faulted.Code);
        Assert.Equal("Call internal server failed. Please try again later.", faulted.Msg);
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal(0, next.Code);
    }

    [Fact]
    public async Task A_fault_with_a_count_hits_exactly_that_many_requests()
    {
        Harness.Emulator.Faults.Inject("DeleteBackupScopes", EmulatorFault.ServerError(503).Times(2));
        var client = Harness.Client(AuthMode.Bearer);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await EmulatorHarness.SendAsync(client, HttpMethod.Delete, ScopePath, DeleteScopesBody)).Status);
            if (i == 0)
            {
                Assert.Equal(1, Assert.Single(Harness.Emulator.Faults.Pending).Remaining);
            }
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Empty(Harness.Emulator.Faults.Pending);
    }

    [Fact]
    public async Task A_fault_for_one_operation_leaves_the_others_alone()
    {
        Harness.Emulator.Faults.Inject("DeleteAlbumContents", EmulatorFault.ServerError());

        var other = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, ScopePath, DeleteScopesBody);

        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Single(Harness.Emulator.Faults.Pending);
    }

    [Fact]
    public async Task A_fault_for_every_operation_hits_whichever_comes_next_and_faults_apply_in_arming_order()
    {
        Harness.Emulator.Faults.Inject(EmulatorFault.ServerError(502));
        Harness.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.HtmlErrorPage(504));
        var client = Harness.Client(AuthMode.Bearer);

        var first = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, UnbindPath);
        var second = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, UnbindPath);
        var third = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, UnbindPath);

        Assert.Equal(HttpStatusCode.BadGateway, first.Status);
        Assert.Equal(HttpStatusCode.GatewayTimeout, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task Faults_act_before_authentication_like_a_gateway_would()
    {
        Harness.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.ServerError(503));

        var response = await EmulatorHarness.SendAsync(Harness.RawClient(), HttpMethod.Delete, UnbindPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
    }

    [Fact]
    public async Task Too_many_requests_announces_Retry_After_in_seconds()
    {
        Harness.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(2.5)));

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, UnbindPath);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Equal("3", response.Message.Headers.GetValues("Retry-After").Single());
        Assert.Equal(TimeSpan.FromSeconds(3), response.Message.Headers.RetryAfter!.Delta);
        Assert.Equal("APIGW.0308", response.Json["error_code"]!.GetValue<string>());
        Assert.NotNull(Harness.Emulator.State.GetDevices(Harness.UserId).SingleOrDefault());
    }

    [Fact]
    public async Task Too_many_requests_announces_Retry_After_as_an_HTTP_date()
    {
        Harness.Clock.Advance(TimeSpan.FromMilliseconds(400));
        Harness.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(2), RetryAfterFormat.HttpDate));

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, UnbindPath);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        var header = response.Message.Headers.GetValues("Retry-After").Single();
        Assert.Equal("Mon, 03 Nov 2025 07:05:03 GMT", header);
        Assert.Equal(DateTimeOffset.Parse("2025-11-03T07:05:03Z", CultureInfo.InvariantCulture), response.Message.Headers.RetryAfter!.Date);
    }

    [Fact]
    public async Task Too_many_requests_without_a_delay_sends_no_Retry_After()
    {
        Harness.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.TooManyRequests());

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, UnbindPath);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Null(response.Message.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_delay_holds_the_answer_back_past_a_clients_timeout()
    {
        Harness.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.Delay(TimeSpan.FromSeconds(30)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        using var request = EmulatorHarness.Request(HttpMethod.Delete, UnbindPath);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Harness.Client(AuthMode.Bearer).SendAsync(request, timeout.Token));

        Assert.NotNull(Harness.Emulator.State.GetDevices(Harness.UserId).SingleOrDefault());
    }

    [Fact]
    public async Task After_a_delay_the_request_is_handled_normally()
    {
        Harness.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.Delay(TimeSpan.FromMilliseconds(50)));

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, UnbindPath);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(Harness.Emulator.State.GetDevices(Harness.UserId));
    }

    [Fact]
    public async Task A_connection_abort_drops_the_connection_without_an_answer()
    {
        Harness.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.ConnectionAbort());
        var client = Harness.Client(AuthMode.Bearer);

        await Assert.ThrowsAsync<HttpRequestException>(() => EmulatorHarness.SendAsync(client, HttpMethod.Delete, UnbindPath));
        var next = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, UnbindPath);

        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task Truncated_JSON_is_a_complete_HTTP_answer_whose_body_stops_half_way()
    {
        Harness.Emulator.Faults.Inject("DeleteBackupScopes", EmulatorFault.TruncatedJson());

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, ScopePath, DeleteScopesBody);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.Message.Content.Headers.ContentType!.MediaType);
        Assert.Equal(response.Text.Length, response.Message.Content.Headers.ContentLength);
        Assert.StartsWith("""{"scopeIdList":[""", response.Text, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(response.Text));

        // The operation itself ran: only the answer was cut.
        Assert.Single(Harness.Emulator.State.GetScopes(Harness.Seed.Device.DeviceId));
    }

    [Fact]
    public async Task An_HTML_error_page_replaces_the_JSON()
    {
        Harness.Emulator.Faults.Inject("DeleteAlbumContents", EmulatorFault.HtmlErrorPage());

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, $"koodrive/ose/v1/{Harness.Seed.Album.AlbumId}/batchDelete", """{"ids":["x"]}""");

        Assert.Equal(HttpStatusCode.BadGateway, response.Status);
        Assert.Equal("text/html", response.Message.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title>502 Bad Gateway</title>", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IDs_as_numbers_writes_every_ID_as_a_JSON_number_with_the_exact_digits()
    {
        Harness.Emulator.Faults.Inject("AddBackupScopes", EmulatorFault.IdsAsNumbers());
        Harness.Emulator.Faults.Inject("DeleteBackupScopes", EmulatorFault.IdsAsNumbers());
        Harness.Emulator.Faults.Inject("UnbindDevice", EmulatorFault.IdsAsNumbers());
        var client = Harness.Client(AuthMode.Bearer);

        var added = await EmulatorHarness.SendAsync(client, HttpMethod.Post, ScopePath, """{"moduleCode":"102","scopeList":[{"localPath":"/n"}]}""");
        var addedId = Harness.Emulator.State.GetScopes(Harness.Seed.Device.DeviceId).Single(s => s.LocalPath == "/n").ScopeId;
        var deleted = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, ScopePath, DeleteScopesBody);
        var unbound = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, UnbindPath);

        Assert.Contains($"\"scopeId\":{addedId},", added.Text, StringComparison.Ordinal);
        Assert.Contains($"\"scopeIdList\":[{Harness.Seed.Scopes[0].ScopeId}]", deleted.Text, StringComparison.Ordinal);
        Assert.Contains("{\"scopeId\":404,\"errorCode\":\"15000418\"", deleted.Text, StringComparison.Ordinal);
        Assert.Contains($"\"deviceId\":{Harness.Seed.Device.DeviceId},", unbound.Text, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, added.Json["scopeList"]![0]!["scopeId"]!.GetValueKind());
        Assert.Equal(JsonValueKind.String, added.Json["scopeList"]![0]!["moduleCode"]!.GetValueKind());
    }

    [Fact]
    public async Task IDs_as_numbers_follows_the_specs_ID_marks_in_every_answer()
    {
        // The album list marks its items' id as an ID; the album contents' id is a file ID, and stays text
        // even when it happens to be digits.
        Harness.Emulator.Faults.Inject("ListAlbums", EmulatorFault.IdsAsNumbers());
        Harness.Emulator.Faults.Inject("ListAlbumContents", EmulatorFault.IdsAsNumbers());
        var digitsFile = Harness.Emulator.State.CreateAlbum(Harness.UserId, "Digits", ["12345"]);
        var client = Harness.Client(AuthMode.Bearer);

        var albums = await EmulatorHarness.SendAsync(client, HttpMethod.Get, "koodrive/ose/v1/album/list?albumKind=1&albumType=2");
        var contents = await EmulatorHarness.SendAsync(client, HttpMethod.Get, $"koodrive/ose/v1/album/{digitsFile.AlbumId}/list");

        Assert.Contains($"\"id\":{digitsFile.AlbumId},", albums.Text, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, contents.Json["contentList"]![0]!["id"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Number, contents.Json["contentList"]![0]!["ownerId"]!.GetValueKind());
    }

    [Fact]
    public async Task FailedScopeList_as_object_writes_the_failure_as_one_object()
    {
        Harness.Emulator.Faults.Inject("DeleteBackupScopes", EmulatorFault.FailedScopeListAsObject().Times(2));
        var client = Harness.Client(AuthMode.Bearer);

        var oneFailure = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, ScopePath, DeleteScopesBody);
        var noFailure = await EmulatorHarness.SendAsync(client, HttpMethod.Delete, ScopePath, $$"""{"scopeIdList":["{{Harness.Seed.Scopes[1].ScopeId}}"]}""");

        var failed = Assert.IsType<JsonObject>(oneFailure.Json["failedScopeList"]);
        Assert.Equal("404", failed["scopeId"]!.GetValue<string>());
        Assert.Equal("15000418", failed["errorCode"]!.GetValue<string>());
        Assert.Contains("\"failedScopeList\":null", noFailure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Faults_are_checked_when_they_are_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.ServerError(404));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.HtmlErrorPage(200));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Delay(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.ConnectionAbort().Times(0));
        var error = Assert.Throws<ArgumentException>(() => Harness.Emulator.Faults.Inject("FrobnicateQuuxWidgets", EmulatorFault.ServerError()));
        Assert.Equal("operationId", error.ParamName);
    }

    [Fact]
    public async Task Clearing_disarms_every_fault()
    {
        Harness.Emulator.Faults.Inject(EmulatorFault.ServerError().Times(5));
        Harness.Emulator.Faults.Clear();

        var response = await EmulatorHarness.SendAsync(Harness.Client(AuthMode.Bearer), HttpMethod.Delete, UnbindPath);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}
