using System.Text;
using System.Text.Json;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Tests.Language;
using FlowCompiler.Tests.Panel;

namespace FlowCompiler.Tests.Cli;

/// <summary><c>flowc run</c> in a child process: the JSON result of spec §7, exit codes, bad input.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flowc-run-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Sample(string name) => RepositoryPaths.SampleFlow(name);

    private static string SampleEvent(string name) => RepositoryPaths.SampleEvent(name);

    // Each test has its own working directory, so its panel database (SQLite, the default) is its own.
    private Task<FlowcProcess.Result> Run(params string[] args) =>
        FlowcProcess.RunInAsync(_folder, new Dictionary<string, string>(), ["run", .. args, "--cache", Path.Combine(_folder, "cache")]);

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    // The panel database flowc creates in the working directory, holding the owner of the sample server.
    private async Task SeedOwnerAsync()
    {
        var database = new PanelDbContextFactory(new PanelDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "panel.db")}" });
        await PanelDatabase.MigrateAsync(database, CancellationToken.None);
        await database.UseAsync(db =>
        {
            db.Users.Add(PanelRows.User());
            return db.SaveChangesAsync();
        }, CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_dry_run_prints_one_json_document_with_nodes_ports_and_rendered_effects()
    {
        await SeedOwnerAsync();

        var result = await Run(Sample("addon-charge-mail"), "--event", SampleEvent("server.created"), "--dry-run", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["flow", "status", "nodes", "effects"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("addon-charge-mail", root.GetProperty("flow").GetString());
        Assert.Equal("succeeded", root.GetProperty("status").GetString());
        var nodes = root.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["trigger", "paid-addon", "owner", "confirm"], nodes.Select(n => n.GetProperty("id").GetString()));
        Assert.Equal("true", nodes[1].GetProperty("port").GetString());
        Assert.All(nodes, n => Assert.Equal("succeeded", n.GetProperty("status").GetString()));
        Assert.False(nodes[2].TryGetProperty("port", out _));
        Assert.False(nodes[2].TryGetProperty("error", out _));
        var mail = Assert.Single(root.GetProperty("effects").EnumerateArray());
        Assert.Equal(["node", "type", "to", "subject", "content", "html"], mail.EnumerateObject().Select(p => p.Name));
        Assert.Equal("confirm", mail.GetProperty("node").GetString());
        Assert.Equal("sendMail", mail.GetProperty("type").GetString());
        Assert.Equal("ada@example.org", mail.GetProperty("to").GetString());
        Assert.Equal("Your server ubuntu-2204 is ready", mail.GetProperty("subject").GetString());
        Assert.Contains("\"Managed backups (daily, 14 days)\" at 12.9 EUR", mail.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.False(mail.GetProperty("html").GetBoolean());
    }

    [Fact]
    public async Task A_dry_run_fails_a_mail_whose_recipient_renders_empty_as_the_real_run_would()
    {
        var result = await Run(Sample("addon-charge-mail"), "--event", SampleEvent("server.created"), "--dry-run", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var confirm = json.RootElement.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "confirm");
        Assert.Equal("failed", confirm.GetProperty("status").GetString());
        Assert.Equal("'' is not a valid e-mail address: it is empty; check that the field holds an address.", confirm.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Server_changes_list_their_values_as_an_object_with_numbers_for_whole_numbers()
    {
        var result = await Run(Sample("rest-vlan-lookup"), "--event", SampleEvent("server.created"), "--dry-run", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var change = Assert.Single(json.RootElement.GetProperty("effects").EnumerateArray());
        Assert.Equal(["node", "type", "serverId", "component", "action", "values"], change.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1337, change.GetProperty("serverId").GetInt32());
        Assert.Equal("changeVlanTag", change.GetProperty("action").GetString());
        Assert.Equal(120, change.GetProperty("values").GetProperty("tag").GetInt32());
    }

    [Fact]
    public async Task Every_numeric_server_value_is_a_json_number_literal_or_rendered()
    {
        var flow = Write("numbers.json", TestFlows.Chain("server.created",
            ("literal", "modifyServer", """{ "serverId": "{{id}}", "component": "network", "action": "changeRateLimit", "rate": "12.50" }"""),
            ("rendered", "modifyServer", """{ "serverId": "{{id}}", "component": "network", "action": "changeRateLimit", "rate": "{{cpu}}.5" }"""),
            ("ha", "modifyServer", """{ "serverId": "{{id}}", "component": "ha", "action": "setHaStatus", "group": "fra-1", "maxRelocates": "{{cpu}}", "maxRestarts": 3 }""")));

        var result = await Run(flow, "--event", SampleEvent("server.created"), "--dry-run", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var values = json.RootElement.GetProperty("effects").EnumerateArray().Select(e => e.GetProperty("values")).ToList();
        Assert.Equal((JsonValueKind.Number, "12.50"), (values[0].GetProperty("rate").ValueKind, values[0].GetProperty("rate").GetRawText()));
        Assert.Equal((JsonValueKind.Number, "4.5"), (values[1].GetProperty("rate").ValueKind, values[1].GetProperty("rate").GetRawText()));
        Assert.Equal(JsonValueKind.String, values[2].GetProperty("group").ValueKind);
        Assert.Equal((4, 3), (values[2].GetProperty("maxRelocates").GetInt32(), values[2].GetProperty("maxRestarts").GetInt32()));
    }

    [Fact]
    public async Task A_dry_run_fails_a_value_the_real_run_would_refuse()
    {
        var flow = Write("bad-hostname.json", TestFlows.Chain("server.created",
            ("rename", "modifyServer", """{ "serverId": "{{id}}", "component": "general", "action": "setHostname", "hostname": "{{hostname}}_new" }""")));

        var result = await Run(flow, "--event", SampleEvent("server.created"), "--dry-run", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var rename = json.RootElement.GetProperty("nodes")[1];
        Assert.Equal("failed", rename.GetProperty("status").GetString());
        Assert.StartsWith("setHostname on server 1337: 'ubuntu-2204_new' is not a valid hostname", rename.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_node_exits_1_and_reports_its_error_while_hostile_event_text_stays_valid_json()
    {
        var flow = Write("failing.json", TestFlows.Chain("server.created",
            ("note", "modifyServer", """{ "serverId": "{{hostname}}", "component": "general", "action": "setNote", "note": "x" }""")));
        var eventFile = Write("event.json", """
            { "event": "server.created", "data": { "id": 5, "hostname": "evil\"host\\\n\u2028\u0000 </b>", "createdAt": "2024-02-23T20:00:25+02:00" } }
            """);

        var result = await Run(flow, "--event", eventFile, "--dry-run", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("failed", json.RootElement.GetProperty("status").GetString());
        var note = json.RootElement.GetProperty("nodes")[1];
        Assert.Equal("failed", note.GetProperty("status").GetString());
        Assert.Contains("serverId rendered as \"evil\"host\\\n\u2028\0 </b>\"", note.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.RootElement.GetProperty("effects").EnumerateArray());
    }

    [Fact]
    public async Task Text_output_lists_every_node_and_what_would_have_been_sent()
    {
        var result = await Run(Sample("rest-vlan-lookup"), "--event", SampleEvent("server.created"), "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("flow rest-vlan-lookup: succeeded", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("dry run", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[set-vlan] modifyServer", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("values: tag = 120", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_dry_run_the_actions_are_performed_on_the_configured_panel()
    {
        var result = await Run(Sample("welcome-mail"), "--event", SampleEvent("account.registration"), "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("succeeded", json.RootElement.GetProperty("status").GetString());
        var mail = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "outbox"), "*.eml"));
        Assert.Contains("To: ada@example.org", await File.ReadAllTextAsync(mail), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{ "event": "server.created", "data": { "hostnme": "x" } }""", "hostnme")]
    [InlineData("""{ "event": "server.created", "data": { "cpu": "four" } }""", "cpu")]
    [InlineData("""{ "event": "server.created", "data": { "hostname": "lone \ud800 surrogate" } }""", "hostname")]
    [InlineData("""{ "event": "server.created", "data": { "createdAt": "yesterday" } }""", "yesterday")]
    [InlineData("""{ "event": "server.exploded", "data": { } }""", "server.exploded")]
    [InlineData("""{ "event": "account.login", "data": { } }""", "runs on server.created events")]
    [InlineData("""{ "event": "server.created", "data": { }, "extra": 1 }""", "extra")]
    [InlineData("""{ "data": { } }""", "\"event\"")]
    [InlineData("""not json""", "not a valid event file")]
    [InlineData("""{ "\uDFAA": 1, "event": "server.created", "data": { } }""", "line 1, column 3: a property name in the file holds an invalid Unicode escape")]
    [InlineData("""{ "event": "server.created", "data": { "\uDFAA": 1 } }""", "a property name in data holds an invalid Unicode escape")]
    [InlineData("""{ "event": "server.created", "data": { "Hostname": "x" } }""", "unknown field data.Hostname (did you mean \"hostname\"?)")]
    [InlineData("""{ "event": "server.created", "data": { "cpu": "4" } }""", "data.cpu is an int: write a whole number such as 4, not the string \"4\".")]
    [InlineData("""{ "event": "server.created", "data": { "id": 1, "id": 2 } }""", "data.id appears twice; keep one.")]
    public async Task A_bad_event_file_exits_2_and_says_what_is_wrong(string eventJson, string expected)
    {
        var result = await Run(Sample("rest-vlan-lookup"), "--event", Write("bad-event.json", eventJson), "--dry-run", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["error"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Contains(expected, json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flow_and_event_files_saved_with_a_utf8_byte_order_mark_run()
    {
        var flow = WriteBytes("flow.json", [.. Encoding.UTF8.GetPreamble(), .. await File.ReadAllBytesAsync(Sample("rest-vlan-lookup"))]);
        var eventFile = WriteBytes("event.json", [.. Encoding.UTF8.GetPreamble(), .. await File.ReadAllBytesAsync(SampleEvent("server.created"))]);

        var result = await Run(flow, "--event", eventFile, "--dry-run", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("succeeded", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_utf16_event_file_exits_2_saying_to_save_it_as_utf8()
    {
        var eventFile = WriteBytes("event.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(await File.ReadAllTextAsync(SampleEvent("server.created")))]);

        var result = await Run(Sample("rest-vlan-lookup"), "--event", eventFile, "--dry-run", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.EndsWith("event.json' is saved as UTF-16 (little-endian), but it must be UTF-8: save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8).", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_flow_exits_1_with_its_diagnostics_as_one_json_document()
    {
        var flow = Write("invalid.json", TestFlows.Chain("server.created", ("f", "filter", """{ "field": "hostnme", "operation": "=", "value": "x" }""")));

        var result = await Run(flow, "--event", SampleEvent("server.created"), "--dry-run", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("FLOW0019", json.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_missing_event_option_is_bad_usage()
    {
        var result = await FlowcProcess.RunAsync("run", Sample("rest-vlan-lookup"), "--dry-run");

        Assert.Equal(2, result.ExitCode);
    }
}
