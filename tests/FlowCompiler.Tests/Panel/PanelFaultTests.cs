using System.Text.Json;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Tests.Actions;
using FlowCompiler.Tests.Actions.Http;
using FlowCompiler.Tests.Actions.Mail;
using FlowCompiler.Tests.Compiler;
using FlowCompiler.Emulators.Proxmox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Tests.Panel;

/// <summary>
/// Faults of the real counterparts, met by compiled flows: the node fails with a message that says what to fix,
/// the run's record holds it, what else the run did is kept, and the same services run the next flow.
/// </summary>
public sealed class PanelFaultTests
{
    private const string SmtpPassword = "smtp-Pa55-Wq9!x";
    private const string WrongTokenSecret = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    [Fact]
    public async Task Smtp_server_down_fails_the_mail_node_and_keeps_the_ticket()
    {
        await using var panel = await LivePanel.StartAsync(PanelEndToEndTests.SmtpSettings(UnusedLoopbackPort.Find()));
        await panel.SeedAsync(PanelRows.Admin());
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("error-log-ticket"));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("eventLog.created"));

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(NodeStatus.Succeeded, result.Node("open-ticket").Status);
        var mail = result.Node("page-oncall");
        Assert.Equal(NodeStatus.Failed, mail.Status);
        Assert.Contains("Could not connect to the SMTP server 127.0.0.1:", mail.Error, StringComparison.Ordinal);
        Assert.Contains("Check FlowCompiler:Mail:SmtpHost and SmtpPort", mail.Error, StringComparison.Ordinal);
        Assert.Equal(1, await panel.QueryAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task Proxmox_500_fails_the_node_with_proxmox_text_and_the_next_run_succeeds()
    {
        await using var pve = await PanelEndToEndTests.EmulatedServerAsync();
        pve.State.HaGroups.Add("fra-1");
        await using var panel = await LivePanel.StartAsync(PanelEndToEndTests.ProxmoxSettings(pve));
        await panel.SeedAsync(PanelRows.Server());
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("ha-group-for-node"));
        pve.State.Inject(EmulatorFault.Error(500, "cfs-lock 'file-ha_resources_cfg' error: got lock request timeout", r => r.Method == "POST"));

        var failed = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        Assert.Equal(RunStatus.Failed, failed.Status);
        var node = failed.Node("join-ha");
        Assert.Equal(NodeStatus.Failed, node.Status);
        Assert.Contains("500", node.Error, StringComparison.Ordinal);
        Assert.Contains("cfs-lock 'file-ha_resources_cfg' error: got lock request timeout", node.Error, StringComparison.Ordinal);
        Assert.Empty(pve.State.HaResources);

        var retried = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        Assert.Equal(RunStatus.Succeeded, retried.Status);
        Assert.True(pve.State.HaResources.ContainsKey("vm:4711"));
    }

    [Fact]
    public async Task Proxmox_that_does_not_answer_fails_the_node_after_the_configured_timeout()
    {
        await using var pve = await PanelEndToEndTests.EmulatedServerAsync();
        var settings = PanelEndToEndTests.ProxmoxSettings(pve);
        settings["Proxmox:Timeout"] = "00:00:00.500";
        await using var panel = await LivePanel.StartAsync(settings);
        await panel.SeedAsync(PanelRows.Server());
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("ha-group-for-node"));
        pve.State.Inject(EmulatorFault.Hang());

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        var node = result.Node("join-ha");
        Assert.Equal(NodeStatus.Failed, node.Status);
        Assert.Contains("did not answer GET /cluster/resources within 0.5 s", node.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_does_not_parse_or_a_server_that_is_not_in_the_panel_fails_the_node_before_proxmox_is_called()
    {
        await using var pve = await PanelEndToEndTests.EmulatedServerAsync();
        await using var panel = await LivePanel.StartAsync(PanelEndToEndTests.ProxmoxSettings(pve));
        await panel.SeedAsync(PanelRows.Server());
        var flow = CompilerTestFlows.Load("""
            {
              "format": "flowc/1", "id": "bad-values", "name": "bad values",
              "nodes": [
                { "id": "trigger", "type": "event", "parameters": { "event": "server.created" } },
                { "id": "rate", "type": "modifyServer", "parameters": {
                    "serverId": "{{id}}", "component": "network", "action": "changeRateLimit", "rate": "{{hostname}}" } },
                { "id": "other-server", "type": "modifyServer", "parameters": {
                    "serverId": "{{userid}}", "component": "general", "action": "setNote", "note": "x" } }
              ],
              "edges": [ { "from": "trigger", "to": "rate" }, { "from": "trigger", "to": "other-server" } ]
            }
            """);

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        Assert.Equal("rate rendered as \"ubuntu-2204\", which is not a number of at least 0 (such as 12.5).", result.Node("rate").Error);
        Assert.Equal("There is no server 100 in the panel database: serverId must render the id of a row of servers.", result.Node("other-server").Error);
        Assert.DoesNotContain(pve.Requests, r => r.Method != "GET");
    }

    [Fact]
    public async Task An_address_assigned_to_another_server_is_refused_before_proxmox_is_changed()
    {
        await using var pve = await PanelEndToEndTests.EmulatedServerAsync();
        await using var panel = await LivePanel.StartAsync(PanelEndToEndTests.ProxmoxSettings(pve));
        var neighbour = PanelRows.Server();
        neighbour.Id = 2;
        neighbour.Vmid = 102;
        neighbour.Ip = 7;
        await panel.SeedAsync(PanelRows.Server(), neighbour, PanelRows.GlobalIpv4Range());
        await panel.SeedAsync(new Runtime.Data.Ipv4AddressRow { Id = 7, Ip = "192.0.2.10", RangeId = 1, InUse = 1 });
        var flow = CompilerTestFlows.Load("""
            {
              "format": "flowc/1", "id": "take-7", "name": "take 7",
              "nodes": [
                { "id": "trigger", "type": "event", "parameters": { "event": "server.created" } },
                { "id": "assign", "type": "modifyServer", "parameters": {
                    "serverId": "{{id}}", "component": "network", "action": "assignIpv4", "ipv4Id": 7 } }
              ],
              "edges": [ { "from": "trigger", "to": "assign" } ]
            }
            """);

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        Assert.Equal("IPv4 address 7 (192.0.2.10) is already assigned to server 2: assign a free address, e.g. one an ipam node allocates.", result.Node("assign").Error);
        Assert.DoesNotContain(pve.Requests, r => r.Method != "GET");
        Assert.Null(await panel.QueryAsync(db => db.Servers.Where(s => s.Id == PanelRows.ServerId).Select(s => s.Ip).SingleAsync()));
    }

    [Fact]
    public async Task Without_proxmox_settings_modify_server_fails_naming_the_settings_to_add()
    {
        await using var panel = await LivePanel.StartAsync();
        await panel.SeedAsync(PanelRows.Server());
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("ha-group-for-node"));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        Assert.Contains("set FlowCompiler:Proxmox:BaseUrl, FlowCompiler:Proxmox:TokenId and FlowCompiler:Proxmox:TokenSecret", result.Node("join-ha").Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_answer_that_is_not_json_fails_the_node_showing_what_came_back()
    {
        await using var api = await HttpTestServer.AnsweringAsync(200, "<html><body>Login required</body></html>", "text/html");
        await using var panel = await LivePanel.StartAsync();
        var flow = CompilerTestFlows.Load(PanelEndToEndTests.RestFlow(api.BaseUrl));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        var node = result.Node("lookup");
        Assert.Equal(NodeStatus.Failed, node.Status);
        Assert.Contains($"GET {api.BaseUrl}/vlans answered 200 but its body is not JSON", node.Error, StringComparison.Ordinal);
        Assert.Contains("it starts: <html><body>Login required", node.Error, StringComparison.Ordinal);
        Assert.Equal(NodeStatus.Skipped, result.Node("set-vlan").Status);
    }

    [Theory]
    [InlineData("""{"vlan": {"id": "120", "name": "customers"}}""", "the response field \"vlan.id\" should be a whole number, as in the example response, but is a string")]
    [InlineData("""{"vlan": {"name": "customers"}}""", "the response has no field \"vlan.id\", which its example response has")]
    [InlineData("""[{"vlan": 1}]""", "should be an object")]
    public async Task Rest_answer_of_another_shape_fails_the_node_naming_the_field(string answer, string expected)
    {
        await using var api = await HttpTestServer.AnsweringAsync(200, answer, "application/json");
        await using var panel = await LivePanel.StartAsync();
        var flow = CompilerTestFlows.Load(PanelEndToEndTests.RestFlow(api.BaseUrl));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        Assert.Equal(NodeStatus.Failed, result.Node("lookup").Status);
        Assert.Contains(expected, result.Node("lookup").Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_non_2xx_fails_the_node_with_status_and_body_excerpt()
    {
        await using var receiver = await HttpTestServer.AnsweringAsync(503, "{\"error\": \"maintenance until 18:00\"}", "application/json");
        await using var panel = await LivePanel.StartAsync();
        await panel.SeedAsync(new Runtime.Data.TagRow { Id = 1, ResourceType = "server", ResourceId = PanelRows.ServerId, Name = "vip" });
        var flow = CompilerTestFlows.Load(PanelEndToEndTests.WebhookFlow(receiver.BaseUrl));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        var node = result.Node("notify");
        Assert.Equal(NodeStatus.Failed, node.Status);
        Assert.Contains("answered 503 Service Unavailable: {\"error\": \"maintenance until 18:00\"}", node.Error, StringComparison.Ordinal);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Locked_database_fails_the_writing_node_within_the_timeout_and_its_sibling_still_runs()
    {
        await using var panel = await LivePanel.StartAsync();
        await panel.SeedAsync(PanelRows.Admin());
        var flow = CompilerTestFlows.Load(TicketAndMailFlow);
        await using var holder = new SqliteConnection($"Data Source={panel.DatabaseFile}");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("eventLog.created"));

        var ticket = result.Node("open-ticket");
        Assert.Equal(NodeStatus.Failed, ticket.Status);
        Assert.Contains("stayed locked for 1 s", ticket.Error, StringComparison.Ordinal);
        Assert.Equal(NodeStatus.Succeeded, result.Node("tell-admin").Status);
        Assert.Single(Directory.GetFiles(panel.OutboxFolder, "*.eml"));
    }

    [Fact]
    public async Task Database_that_is_gone_fails_the_reading_node_saying_what_to_fix()
    {
        await using var panel = await LivePanel.StartAsync(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "Data Source=" + Path.Combine(Path.GetTempPath(), $"flowc-gone-{Guid.NewGuid():N}", "panel.db"),
        });
        var source = new SqliteConnectionStringBuilder(panel.Database.Options.ConnectionString).DataSource;
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(source)!, recursive: true);
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("server-note-and-hostname"));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        var owner = result.Node("owner");
        Assert.Equal(NodeStatus.Failed, owner.Status);
        Assert.Contains("cannot be opened: check that its folder exists and is writable", owner.Error, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Failed, result.Status);
    }

    [Fact]
    public async Task Secrets_stay_out_of_node_errors_run_records_and_logs()
    {
        await using var smtp = await SmtpTestServer.StartAsync(login: ("panel", "the-right-password"));
        await using var pve = await PanelEndToEndTests.EmulatedServerAsync();
        var settings = PanelEndToEndTests.ProxmoxSettings(pve, WrongTokenSecret);
        foreach (var (key, value) in PanelEndToEndTests.SmtpSettings(smtp.Port))
        {
            settings[key] = value;
        }

        settings["Mail:Username"] = "panel";
        settings["Mail:Password"] = SmtpPassword;
        await using var panel = await LivePanel.StartAsync(settings);
        await panel.SeedAsync(PanelRows.Server(), PanelRows.Admin());

        var mail = await panel.RunAsync(CompilerTestFlows.Load(CompilerTestFlows.SampleText("error-log-ticket")), CompilerTestFlows.SampleEvent("eventLog.created"));
        var proxmox = await panel.RunAsync(CompilerTestFlows.Load(CompilerTestFlows.SampleText("ha-group-for-node")), CompilerTestFlows.SampleEvent("server.created"));

        Assert.Contains("rejected the login of user 'panel'", mail.Node("page-oncall").Error, StringComparison.Ordinal);
        Assert.Contains("401", proxmox.Node("join-ha").Error, StringComparison.Ordinal);
        var records = JsonSerializer.Serialize(new[] { mail, proxmox }, new JsonSerializerOptions { WriteIndented = true });
        var logs = string.Join("\n", panel.Logs.Lines);
        foreach (var secret in new[] { SmtpPassword, WrongTokenSecret })
        {
            Assert.DoesNotContain(secret, records, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }

    private const string TicketAndMailFlow = """
        {
          "format": "flowc/1", "id": "ticket-and-mail", "name": "ticket and mail",
          "nodes": [
            { "id": "trigger", "type": "event", "parameters": { "event": "eventLog.created" } },
            { "id": "open-ticket", "type": "createTicket", "parameters": {
                "title": "{{message}}", "priority": "high", "creatorId": "1", "content": "{{rawMessage}}" } },
            { "id": "tell-admin", "type": "sendMail", "parameters": {
                "to": "admin@example.org", "subject": "Panel error", "content": "{{message}}" } }
          ],
          "edges": [
            { "from": "trigger", "to": "open-ticket" },
            { "from": "trigger", "to": "tell-admin" }
          ]
        }
        """;
}
