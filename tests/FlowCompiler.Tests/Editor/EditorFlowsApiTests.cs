using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCompiler.Editor;

namespace FlowCompiler.Tests.Editor;

/// <summary>The flows API against a real SQLite panel: drafts with ETags, publishing, versions, dry runs, runs, and who may do what.</summary>
public sealed class EditorFlowsApiTests
{
    private static readonly string WelcomeMail = File.ReadAllText(RepositoryPaths.SampleFlow("welcome-mail"));
    private static readonly string RegistrationEvent = File.ReadAllText(RepositoryPaths.SampleEvent("account.registration"));

    [Fact]
    public async Task A_flow_is_created_as_a_draft_listed_and_refused_a_second_time()
    {
        await using var panel = await EditorPanel.StartAsync(o => o.Actor = _ => "ada");

        var created = await panel.Client.PostAsync("/flows/api/flows", Json(WelcomeMail));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"r1\"", created.Headers.ETag!.Tag);
        var draft = await created.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("ada", (string?)draft!["savedBy"]);
        Assert.Equal("welcome-mail", (string?)draft["flow"]!["id"]);

        var again = await panel.Client.PostAsync("/flows/api/flows", Json(WelcomeMail));
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "exists already");

        var list = await panel.Client.GetFromJsonAsync<JsonArray>("/flows/api/flows");
        var row = Assert.Single(list!)!;
        Assert.Equal("welcome-mail", (string?)row["id"]);
        Assert.Equal("Welcome mail for new customers", (string?)row["name"]);
        Assert.Equal("account.registration", (string?)row["trigger"]);
        Assert.Equal(1, (int?)row["draftRevision"]);
        Assert.Null(row["publishedVersion"]);
        Assert.True((bool?)row["hasUnpublishedChanges"]);
    }

    [Theory]
    [InlineData("{ \"format\": \"flowc/1\", \"id\": ", "not well-formed JSON")]
    [InlineData("{ \"format\": \"flowc/1\", \"nodes\": [] }", "needs a flow \\\"id\\\"")]
    [InlineData("[1, 2]", "one JSON object")]
    public async Task A_draft_that_is_not_a_flow_document_is_refused_with_what_to_fix(string body, string message)
    {
        await using var panel = await EditorPanel.StartAsync();

        var response = await panel.Client.PostAsync("/flows/api/flows", Json(body));

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, message);
        Assert.NotNull(problem["diagnostics"]);
    }

    [Fact]
    public async Task A_draft_with_errors_is_saved_since_drafts_hold_work_in_progress()
    {
        await using var panel = await EditorPanel.StartAsync();
        var broken = WelcomeMail.Replace("{{email}}", "{{emial}}", StringComparison.Ordinal);

        var created = await panel.Client.PostAsync("/flows/api/flows", Json(broken));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await panel.Client.GetFromJsonAsync<JsonObject>("/flows/api/flows/welcome-mail/draft");
        Assert.Contains("{{emial}}", draft!["flow"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_needs_if_match_and_a_stale_one_is_refused_with_who_saved_and_when()
    {
        var actor = "ada";
        await using var panel = await EditorPanel.StartAsync(o => o.Actor = _ => actor);
        await panel.Client.PostAsync("/flows/api/flows", Json(WelcomeMail));
        var renamed = WelcomeMail.Replace("Welcome mail for new customers", "Welcome", StringComparison.Ordinal);

        await AssertProblemAsync(await panel.Client.PutAsync("/flows/api/flows/welcome-mail/draft", Json(renamed)), HttpStatusCode.PreconditionRequired, "If-Match");
        await AssertProblemAsync(await PutDraftAsync(panel, renamed, "W/\"r1\""), HttpStatusCode.PreconditionFailed, "If-Match must be one ETag");

        var saved = await PutDraftAsync(panel, renamed, "\"r1\"");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"r2\"", saved.Headers.ETag!.Tag);

        actor = "grace";
        var stale = await PutDraftAsync(panel, WelcomeMail, "\"r1\"");
        var problem = await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, "ada saved this flow");
        Assert.Equal("ada", (string?)problem["savedBy"]);
        Assert.Equal("\"r2\"", (string?)problem["etag"]);
        Assert.NotNull(problem["savedAt"]);

        var current = await panel.Client.GetFromJsonAsync<JsonObject>("/flows/api/flows/welcome-mail/draft");
        Assert.Equal("Welcome", (string?)current!["flow"]!["name"]);
        Assert.Equal("ada", (string?)current["savedBy"]);
    }

    [Fact]
    public async Task Concurrent_saves_of_one_revision_store_exactly_one()
    {
        await using var panel = await EditorPanel.StartAsync();
        await panel.Client.PostAsync("/flows/api/flows", Json(WelcomeMail));

        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            PutDraftAsync(panel, WelcomeMail.Replace("Welcome mail for new customers", $"Welcome {i}", StringComparison.Ordinal), "\"r1\"")));

        Assert.Single(saves, s => s.StatusCode == HttpStatusCode.OK);
        Assert.Equal(7, saves.Count(s => s.StatusCode == HttpStatusCode.PreconditionFailed));
        var draft = await panel.Client.GetFromJsonAsync<JsonObject>("/flows/api/flows/welcome-mail/draft");
        Assert.Equal(2, (int?)draft!["revision"]);
    }

    [Fact]
    public async Task A_draft_cannot_change_its_flow_id()
    {
        await using var panel = await EditorPanel.StartAsync();
        await panel.Client.PostAsync("/flows/api/flows", Json(WelcomeMail));

        var moved = await PutDraftAsync(panel, WelcomeMail.Replace("\"welcome-mail\"", "\"other\"", StringComparison.Ordinal), "\"r1\"");

        await AssertProblemAsync(moved, HttpStatusCode.UnprocessableEntity, "cannot change");
    }

    [Fact]
    public async Task Publishing_takes_exactly_the_named_revision_and_records_who()
    {
        await using var panel = await EditorPanel.StartAsync(o => o.Actor = _ => "ada");
        await panel.Client.PostAsync("/flows/api/flows", Json(WelcomeMail));
        await PutDraftAsync(panel, WelcomeMail.Replace("Welcome mail for new customers", "Welcome", StringComparison.Ordinal), "\"r1\"");

        await AssertProblemAsync(await panel.Client.PostAsync("/flows/api/flows/welcome-mail/publish", null), HttpStatusCode.PreconditionRequired, "If-Match");
        await AssertProblemAsync(await PublishAsync(panel, "\"r1\""), HttpStatusCode.PreconditionFailed, "after you opened it");
        Assert.Empty(await panel.Host.ListAsync());

        var published = await PublishAsync(panel, "\"r2\"");
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(1, (int?)(await published.Content.ReadFromJsonAsync<JsonObject>())!["version"]);

        var version = Assert.Single(await panel.Host.ListAsync());
        Assert.Equal("ada", version.CreatedBy);
        Assert.Contains("\"name\": \"Welcome\"", version.CanonicalJson, StringComparison.Ordinal);
        var row = (await panel.Client.GetFromJsonAsync<JsonArray>("/flows/api/flows"))!.Single()!;
        Assert.Equal(1, (int?)row["publishedVersion"]);
        Assert.False((bool?)row["hasUnpublishedChanges"]);
        // Served at once (by the interpreter while it compiles, unless the cache held it); compiled once that is done.
        Assert.Contains((string?)row["tier"], new[] { "interpreted", "compiled" });
        await panel.Host.WhenCompiledAsync();
        Assert.Equal("compiled", (string?)(await panel.Client.GetFromJsonAsync<JsonArray>("/flows/api/flows"))!.Single()!["tier"]);
        var history = await panel.Client.GetFromJsonAsync<JsonArray>("/flows/api/flows/welcome-mail/versions");
        Assert.Equal("ada", (string?)history!.Single()!["createdBy"]);
    }

    [Fact]
    public async Task Publishing_an_invalid_draft_is_422_with_the_diagnostics()
    {
        await using var panel = await EditorPanel.StartAsync();
        await panel.Client.PostAsync("/flows/api/flows", Json(WelcomeMail.Replace("{{email}}", "{{emial}}", StringComparison.Ordinal)));

        var response = await PublishAsync(panel, "\"r1\"");

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "Fix the errors");
        var diagnostic = problem["diagnostics"]!.AsArray().First()!;
        Assert.Equal("FLOW0019", (string?)diagnostic["code"]);
        Assert.Contains("email", diagnostic.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await panel.Host.ListAsync());
    }

    [Fact]
    public async Task A_flow_published_elsewhere_has_its_version_as_draft_until_saved()
    {
        await using var panel = await EditorPanel.StartAsync();
        Assert.True((await panel.Host.PublishAsync(Encoding.UTF8.GetBytes(WelcomeMail))).Succeeded);

        var draft = await panel.Client.GetAsync("/flows/api/flows/welcome-mail/draft");
        Assert.Equal("\"v1\"", draft.Headers.ETag!.Tag);
        var body = await draft.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(1, (int?)body!["version"]);
        Assert.Null(body["revision"]);

        var saved = await PutDraftAsync(panel, WelcomeMail.Replace("Welcome mail for new customers", "Welcome", StringComparison.Ordinal), "\"v1\"");
        Assert.Equal("\"r1\"", saved.Headers.ETag!.Tag);
        await AssertProblemAsync(await PutDraftAsync(panel, WelcomeMail, "\"v1\""), HttpStatusCode.PreconditionFailed, "after you opened it");
    }

    [Fact]
    public async Task Versions_are_listed_read_restored_into_the_draft_rolled_back_and_unpublished()
    {
        await using var panel = await EditorPanel.StartAsync();
        await panel.Host.PublishAsync(Encoding.UTF8.GetBytes(WelcomeMail));
        await panel.Host.PublishAsync(Encoding.UTF8.GetBytes(WelcomeMail.Replace("Welcome mail for new customers", "Welcome v2", StringComparison.Ordinal)));

        var history = await panel.Client.GetFromJsonAsync<JsonArray>("/flows/api/flows/welcome-mail/versions");
        Assert.Equal([2, 1], history!.Select(v => (int)v!["version"]!));
        var first = await panel.Client.GetFromJsonAsync<JsonObject>("/flows/api/flows/welcome-mail/versions/1");
        Assert.Equal("Welcome mail for new customers", (string?)first!["flow"]!["name"]);
        await AssertProblemAsync(await panel.Client.GetAsync("/flows/api/flows/welcome-mail/versions/9"), HttpStatusCode.NotFound, "no version 9");

        await AssertProblemAsync(await panel.Client.PostAsync("/flows/api/flows/welcome-mail/versions/1/restore", null), HttpStatusCode.PreconditionRequired, "If-Match");
        var restore = new HttpRequestMessage(HttpMethod.Post, "/flows/api/flows/welcome-mail/versions/1/restore");
        restore.Headers.IfMatch.Add(new EntityTagHeaderValue("\"v2\""));
        var restored = await panel.Client.SendAsync(restore);
        Assert.Equal("\"r1\"", restored.Headers.ETag!.Tag);
        Assert.Equal("Welcome mail for new customers", (string?)(await restored.Content.ReadFromJsonAsync<JsonObject>())!["flow"]!["name"]);

        var rollback = await panel.Client.PostAsJsonAsync("/flows/api/flows/welcome-mail/rollback", new { version = 1 });
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        Assert.Equal(1, Assert.Single(panel.Host.Active).Version);
        await AssertProblemAsync(await panel.Client.PostAsJsonAsync("/flows/api/flows/welcome-mail/rollback", new { version = 7 }), HttpStatusCode.NotFound, "no version 7");

        Assert.Equal(HttpStatusCode.NoContent, (await panel.Client.DeleteAsync("/flows/api/flows/welcome-mail")).StatusCode);
        Assert.Empty(panel.Host.Active);
        var row = (await panel.Client.GetFromJsonAsync<JsonArray>("/flows/api/flows"))!.Single()!;
        Assert.Null(row["publishedVersion"]);
        Assert.Equal(2, (int?)row["latestVersion"]);
        await AssertProblemAsync(await panel.Client.DeleteAsync("/flows/api/flows/nothing-here"), HttpStatusCode.NotFound, "no flow 'nothing-here'");
    }

    [Fact]
    public async Task A_dry_run_of_the_draft_shows_each_node_and_the_mail_it_would_send()
    {
        await using var panel = await EditorPanel.StartAsync();
        await panel.Client.PostAsync("/flows/api/flows", Json(WelcomeMail));

        var response = await panel.Client.PostAsync("/flows/api/flows/welcome-mail/dry-run", Json(RegistrationEvent));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("succeeded", (string?)result!["status"]);
        Assert.Equal(["trigger:succeeded", "welcome:succeeded"], result["nodes"]!.AsArray().Select(n => $"{n!["id"]}:{n["status"]}"));
        var effect = Assert.Single(result["effects"]!.AsArray())!;
        Assert.Equal("sendMail", (string?)effect["type"]);
        Assert.Equal("welcome", (string?)effect["node"]);
        Assert.Equal("ada@example.org", (string?)effect["to"]);
        Assert.Equal("Welcome to Example Hosting, Ada Lovelace!", (string?)effect["subject"]);
        Assert.False(Directory.Exists(panel.Outbox) && Directory.EnumerateFileSystemEntries(panel.Outbox).Any(), "a dry run sends no mail");
    }

    [Fact]
    public async Task A_dry_run_refuses_an_event_of_another_trigger_a_bad_event_and_a_run_that_kept_none()
    {
        await using var panel = await EditorPanel.StartAsync();
        await panel.Client.PostAsync("/flows/api/flows", Json(WelcomeMail));

        var login = File.ReadAllText(RepositoryPaths.SampleEvent("account.login"));
        await AssertProblemAsync(await panel.Client.PostAsync("/flows/api/flows/welcome-mail/dry-run", Json(login)), HttpStatusCode.UnprocessableEntity, "runs on account.registration events");
        var typo = RegistrationEvent.Replace("\"email\"", "\"emial\"", StringComparison.Ordinal);
        await AssertProblemAsync(await panel.Client.PostAsync("/flows/api/flows/welcome-mail/dry-run", Json(typo)), HttpStatusCode.UnprocessableEntity, "email");
        await AssertProblemAsync(await panel.Client.PostAsync("/flows/api/flows/welcome-mail/dry-run", Json($"{{\"fromRun\":\"{Guid.NewGuid()}\"}}")), HttpStatusCode.NotFound, "no recorded run");

        Assert.True((await panel.Host.PublishAsync(Encoding.UTF8.GetBytes(WelcomeMail))).Succeeded);
        await panel.Host.RaiseAsync("account.registration", RegistrationPayload());
        await panel.Host.FlushRecordsAsync();
        var run = (await panel.Client.GetFromJsonAsync<JsonArray>("/flows/api/flows/welcome-mail/runs"))!.Single()!;
        Assert.False((bool?)run["hasEvent"]);
        await AssertProblemAsync(await panel.Client.PostAsync("/flows/api/flows/welcome-mail/dry-run", Json($"{{\"fromRun\":\"{run["id"]}\"}}")), HttpStatusCode.UnprocessableEntity, "Only failed runs keep their event");
    }

    [Fact]
    public async Task A_failed_run_is_listed_with_its_nodes_and_dry_run_again_from_its_kept_event()
    {
        await using var panel = await EditorPanel.StartAsync();
        Assert.True((await panel.Host.PublishAsync(Encoding.UTF8.GetBytes(WelcomeMail))).Succeeded);
        await panel.Host.RaiseAsync("account.registration", RegistrationPayload(email: "not an address"));
        await panel.Host.FlushRecordsAsync();

        var runs = await panel.Client.GetFromJsonAsync<JsonArray>("/flows/api/flows/welcome-mail/runs?status=failed&limit=5");
        var listed = Assert.Single(runs!)!;
        Assert.Equal("failed", (string?)listed["status"]);
        Assert.True((bool?)listed["hasEvent"]);
        Assert.Empty(await panel.Client.GetFromJsonAsync<JsonArray>("/flows/api/flows/welcome-mail/runs?status=succeeded") ?? []);
        var one = await panel.Client.GetFromJsonAsync<JsonObject>($"/flows/api/runs/{listed["id"]}");
        var mail = one!["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "welcome")!;
        Assert.Equal("failed", (string?)mail["status"]);
        Assert.NotNull(mail["error"]);
        Assert.NotNull(mail["durationMs"]);

        var dryRun = await panel.Client.PostAsync("/flows/api/flows/welcome-mail/dry-run", Json($"{{\"fromRun\":\"{listed["id"]}\"}}"));
        var result = await dryRun.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("failed", (string?)result!["status"]);
        Assert.Equal((string?)mail["error"], (string?)result["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "welcome")!["error"]);

        await AssertProblemAsync(await panel.Client.GetAsync("/flows/api/flows/welcome-mail/runs?limit=0"), HttpStatusCode.BadRequest, "1 to 200");
        await AssertProblemAsync(await panel.Client.GetAsync("/flows/api/flows/welcome-mail/runs?status=crashed"), HttpStatusCode.BadRequest, "'succeeded' or 'failed'");
        await AssertProblemAsync(await panel.Client.GetAsync($"/flows/api/runs/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "no recorded run");
    }

    [Fact]
    public async Task The_authorization_hook_decides_each_operation()
    {
        await using var panel = await EditorPanel.StartAsync(o => o.Authorize = (_, operation) => ValueTask.FromResult(operation is EditorOperation.Read or EditorOperation.Edit));
        await panel.Client.PostAsync("/flows/api/flows", Json(WelcomeMail));

        await AssertProblemAsync(await PublishAsync(panel, "\"r1\""), HttpStatusCode.Forbidden, "may not publish flows");
        await AssertProblemAsync(await panel.Client.PostAsync("/flows/api/flows/welcome-mail/dry-run", Json(RegistrationEvent)), HttpStatusCode.Forbidden, "may not dry-run flows");
        await AssertProblemAsync(await panel.Client.DeleteAsync("/flows/api/flows/welcome-mail"), HttpStatusCode.Forbidden, "may not publish flows");
        Assert.Equal(HttpStatusCode.OK, (await panel.Client.GetAsync("/flows/api/flows/welcome-mail/draft")).StatusCode);
        Assert.Empty(await panel.Host.ListAsync());
    }

    [Fact]
    public async Task Read_only_mode_refuses_every_write()
    {
        await using var panel = await EditorPanel.StartAsync(o => o.ReadOnly = true);

        await AssertProblemAsync(await panel.Client.PostAsync("/flows/api/flows", Json(WelcomeMail)), HttpStatusCode.Forbidden, "read-only");
        Assert.Equal(HttpStatusCode.OK, (await panel.Client.GetAsync("/flows/api/flows")).StatusCode);
    }

    [Fact]
    public async Task A_write_without_the_antiforgery_token_is_refused()
    {
        await using var panel = await EditorPanel.StartAsync();
        using var crossSite = panel.NewClientWithoutToken();

        await AssertProblemAsync(await crossSite.PostAsync("/flows/api/flows", Json(WelcomeMail)), HttpStatusCode.BadRequest, "antiforgery token");
        Assert.Empty(await panel.Client.GetFromJsonAsync<JsonArray>("/flows/api/flows") ?? []);
        Assert.Equal(HttpStatusCode.OK, (await crossSite.GetAsync("/flows/api/flows")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_flows_api()
    {
        await using var panel = await EditorPanel.StartAsync();

        using var document = JsonDocument.Parse(await panel.Client.GetStringAsync("/openapi/v1.json"));

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => op.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null))
            .ToHashSet();
        string?[] flowsApi = ["ListFlows", "CreateFlow", "GetDraft", "SaveDraft", "PublishDraft", "DryRunDraft", "ListVersions", "GetVersion", "RestoreVersion", "Rollback", "Unpublish", "ListRuns", "GetRun"];
        Assert.Superset(flowsApi.ToHashSet(), operations);
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(detail, problem!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        return problem;
    }

    private static Task<HttpResponseMessage> PutDraftAsync(EditorPanel panel, string json, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/flows/api/flows/welcome-mail/draft") { Content = Json(json) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return panel.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PublishAsync(EditorPanel panel, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/flows/api/flows/welcome-mail/publish");
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return panel.Client.SendAsync(request);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Runtime.Events.UserEvent RegistrationPayload(string email = "ada@example.org") => new()
    {
        Id = 100,
        Name = "Ada Lovelace",
        Email = email,
        Register = new DateTime(2024, 2, 23, 18, 0, 25, DateTimeKind.Utc),
    };
}
