using System.Text;
using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Tests.Actions.Http;
using FlowCompiler.Tests.Actions.Mail;
using FlowCompiler.Tests.Compiler;
using FlowCompiler.Emulators.Proxmox;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FlowCompiler.Tests.Panel;

/// <summary>
/// Compiled flows run against <c>PanelFlowServices</c> as <c>AddFlowRuntime</c> registers it, each action against
/// its real counterpart on 127.0.0.1: a SQLite panel database, an SMTP server in the process, Kestrel, and the
/// Proxmox API emulator.
/// </summary>
public sealed class PanelEndToEndTests
{
    [Fact]
    public async Task Ipam_sample_reserves_addresses_assigns_them_in_proxmox_and_records_them_on_the_server()
    {
        await using var pve = await EmulatedServerAsync();
        await using var panel = await LivePanel.StartAsync(ProxmoxSettings(pve));
        await panel.SeedAsync(PanelRows.Server(), PanelRows.GlobalIpv4Range(), PanelRows.GlobalIpv6Range());
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("ipam-assign-ipv4"));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        LivePanel.AssertSucceeded(result);
        Assert.Equal("ip=192.0.2.10/24,gw=192.0.2.1,ip6=2001:db8:0:1::1/64,gw6=2001:db8::1", pve.Guest(PanelRows.Vmid).Config["ipconfig0"]);
        var server = await panel.QueryAsync(db => db.Servers.SingleAsync(s => s.Id == PanelRows.ServerId));
        var ipv4 = await panel.QueryAsync(db => db.Ipv4Addresses.SingleAsync(a => a.Id == server.Ip));
        var ipv6 = await panel.QueryAsync(db => db.Ipv6Addresses.SingleAsync(a => a.Id == server.Ip6));
        Assert.Equal(("192.0.2.10", 1), (ipv4.Ip, ipv4.InUse));
        Assert.Equal(("2001:db8:0:1::", 1), (ipv6.Ip, ipv6.InUse));

        // Run again: the server gets the next address and its previous one is released.
        var again = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        Assert.Equal(RunStatus.Succeeded, again.Status);
        Assert.StartsWith("ip=192.0.2.11/24,", pve.Guest(PanelRows.Vmid).Config["ipconfig0"], StringComparison.Ordinal);
        var addresses = await panel.QueryAsync(db => db.Ipv4Addresses.OrderBy(a => a.Ip).Select(a => new { a.Ip, a.InUse }).ToListAsync());
        Assert.Equal([("192.0.2.10", 0), ("192.0.2.11", 1)], addresses.Select(a => (a.Ip, a.InUse)));
    }

    [Fact]
    public async Task Dry_run_reads_the_database_and_picks_addresses_but_changes_nothing()
    {
        await using var pve = await EmulatedServerAsync();
        await using var panel = await LivePanel.StartAsync(ProxmoxSettings(pve));
        await panel.SeedAsync(PanelRows.Server(), PanelRows.User(), PanelRows.GlobalIpv4Range(), PanelRows.GlobalIpv6Range());
        // Free rows: a dry run names the address by its row's id.
        await panel.SeedAsync(
            new Ipv4AddressRow { Id = 5, Ip = "192.0.2.10", RangeId = 1 },
            new Ipv6AddressRow { Id = 6, Ip = "2001:db8:0:1::", RangeId = 1 });

        var ipam = await panel.RunAsync(CompilerTestFlows.Load(CompilerTestFlows.SampleText("ipam-assign-ipv4")), CompilerTestFlows.SampleEvent("server.created"), dryRun: true);
        var note = await panel.RunAsync(CompilerTestFlows.Load(CompilerTestFlows.SampleText("server-note-and-hostname")), CompilerTestFlows.SampleEvent("server.created"), dryRun: true);

        Assert.Equal((RunStatus.Succeeded, RunStatus.Succeeded), (ipam.Status, note.Status));
        var setNote = Assert.IsType<ServerChange>(note.Effects[0]);
        Assert.StartsWith("Owner: ada <ada@example.org>", (string)setNote.Values[0].Value, StringComparison.Ordinal);
        Assert.Equal(
            [KeyValuePair.Create("ipv4Id", (object)5), KeyValuePair.Create("ipv6Id", (object)6)],
            ipam.Effects.Cast<ServerChange>().Select(c => c.Values.Single()));
        Assert.Equal(2, note.Effects.Count);
        Assert.DoesNotContain(pve.Requests, r => r.Method != "GET");
        Assert.Equal(0, await panel.QueryAsync(db => db.Ipv4Addresses.CountAsync(a => a.InUse == 1)));
        Assert.Equal("ubuntu-2204", await panel.QueryAsync(db => db.Servers.Select(s => s.Hostname).SingleAsync()));
    }

    [Fact]
    public async Task Dry_run_names_an_address_it_would_create_by_the_id_its_row_would_get_and_the_assignment_below_succeeds()
    {
        await using var pve = await EmulatedServerAsync();
        await using var panel = await LivePanel.StartAsync(ProxmoxSettings(pve));
        // The lowest address is taken, so the pick is a row a real run would insert; no IPv6 row exists yet.
        await panel.SeedAsync(
            PanelRows.Server(),
            PanelRows.GlobalIpv4Range(),
            PanelRows.GlobalIpv6Range(),
            new Ipv4AddressRow { Id = 7, Ip = "192.0.2.10", RangeId = 1, InUse = 1 });

        var result = await panel.RunAsync(CompilerTestFlows.Load(CompilerTestFlows.SampleText("ipam-assign-ipv4")), CompilerTestFlows.SampleEvent("server.created"), dryRun: true);

        LivePanel.AssertSucceeded(result);
        Assert.Equal(
            [KeyValuePair.Create("ipv4Id", (object)8), KeyValuePair.Create("ipv6Id", (object)1)],
            result.Effects.Cast<ServerChange>().Select(c => c.Values.Single()));
        Assert.Equal(1, await panel.QueryAsync(db => db.Ipv4Addresses.CountAsync()));
        Assert.Equal(0, await panel.QueryAsync(db => db.Ipv6Addresses.CountAsync()));
        Assert.DoesNotContain(pve.Requests, r => r.Method != "GET");
    }

    [Fact]
    public async Task Note_and_hostname_sample_joins_the_owner_and_changes_proxmox_and_the_panel()
    {
        await using var pve = await EmulatedServerAsync();
        await using var panel = await LivePanel.StartAsync(ProxmoxSettings(pve));
        await panel.SeedAsync(PanelRows.Server(), PanelRows.User());
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("server-note-and-hostname"));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        LivePanel.AssertSucceeded(result);
        var guest = pve.Guest(PanelRows.Vmid);
        Assert.StartsWith("Owner: ada <ada@example.org>\nOrdered: 2024-02-23\nPlan: 4 vCPU, 8 GB RAM", guest.Config["description"], StringComparison.Ordinal);
        Assert.Equal("vm4711.customers.example.com", guest.Config["name"]);
        Assert.Equal("vm4711.customers.example.com", await panel.QueryAsync(db => db.Servers.Select(s => s.Hostname).SingleAsync()));
    }

    [Fact]
    public async Task Rate_limit_sample_joins_the_package_and_limits_the_first_network_device()
    {
        await using var pve = await EmulatedServerAsync();
        await using var panel = await LivePanel.StartAsync(ProxmoxSettings(pve));
        await panel.SeedAsync(
            PanelRows.Server(),
            new PackageRow { Id = 3, Name = "Starter S", Price = 7.5m, Cpu = 1, Ram = 1024, Disk = 20 },
            new TagRow { Id = 1, ResourceType = "user", ResourceId = 100, Name = "metered" });
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("starter-rate-limit"));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        LivePanel.AssertSucceeded(result);
        Assert.Equal("false", result.Node("is-unmetered").Port);
        Assert.Equal($"virtio={PanelRows.Mac},bridge=vmbr0,rate=12", pve.Guest(PanelRows.Vmid).Config["net0"]);
    }

    [Fact]
    public async Task Server_created_samples_that_change_one_vm_at_the_same_time_all_land_as_in_the_demo()
    {
        await using var pve = await EmulatedServerAsync();
        await using var api = await HttpTestServer.AnsweringAsync(200, """{"vlan": {"id": 120, "name": "customers"}}""", "application/json");
        await using var panel = await LivePanel.StartAsync(ProxmoxSettings(pve));
        await panel.SeedAsync(
            PanelRows.Server(),
            PanelRows.User(),
            PanelRows.GlobalIpv4Range(),
            PanelRows.GlobalIpv6Range(),
            new PackageRow { Id = 3, Name = "Starter S", Price = 7.5m, Cpu = 1, Ram = 1024, Disk = 20 });
        var flows = new[]
        {
            CompilerTestFlows.Load(CompilerTestFlows.SampleText("server-note-and-hostname")),
            CompilerTestFlows.Load(CompilerTestFlows.SampleText("starter-rate-limit")),
            CompilerTestFlows.Load(CompilerTestFlows.SampleText("ipam-assign-ipv4")),
            CompilerTestFlows.Load(RestFlow(api.BaseUrl)),
        };

        // As the host runs every flow listening to an event: at the same time, each with its own change to the VM.
        var results = await Task.WhenAll(flows.Select(flow => panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"))));

        Assert.All(results, LivePanel.AssertSucceeded);
        var config = pve.Guest(PanelRows.Vmid).Config;
        Assert.StartsWith("Owner: ada <ada@example.org>", config["description"], StringComparison.Ordinal);
        Assert.Equal("vm4711.customers.example.com", config["name"]);
        Assert.StartsWith($"virtio={PanelRows.Mac},bridge=vmbr0,", config["net0"], StringComparison.Ordinal);
        Assert.Contains(",rate=12", config["net0"], StringComparison.Ordinal);
        Assert.Contains(",tag=120", config["net0"], StringComparison.Ordinal);
        Assert.Equal("ip=192.0.2.10/24,gw=192.0.2.1,ip6=2001:db8:0:1::1/64,gw6=2001:db8::1", config["ipconfig0"]);
        Assert.All(pve.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/config", StringComparison.Ordinal)), write => Assert.NotNull(write.Parameter("digest")));
    }

    [Fact]
    public async Task Ha_sample_creates_the_ha_resource()
    {
        await using var pve = await EmulatedServerAsync();
        pve.State.HaGroups.Add("fra-1");
        await using var panel = await LivePanel.StartAsync(ProxmoxSettings(pve));
        await panel.SeedAsync(PanelRows.Server());
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("ha-group-for-node"));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        LivePanel.AssertSucceeded(result);
        var resource = pve.State.HaResources["vm:4711"];
        Assert.Equal(("started", "fra-1", 1, 3), (resource.State, resource.Group, resource.MaxRelocate, resource.MaxRestart));
    }

    [Fact]
    public async Task Error_log_sample_opens_a_ticket_in_the_database_and_mails_its_number_over_smtp()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var panel = await LivePanel.StartAsync(SmtpSettings(smtp.Port));
        await panel.SeedAsync(PanelRows.Admin());
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("error-log-ticket"));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("eventLog.created"));

        LivePanel.AssertSucceeded(result);
        var ticket = await panel.QueryAsync(db => db.Tickets.SingleAsync());
        var message = await panel.QueryAsync(db => db.TicketMessages.SingleAsync());
        Assert.Equal(("Panel error: Backup of server ubuntu-2204 failed: storage backup-fra is full", "urgent", 1), (ticket.Title, ticket.Priority, ticket.CreatorId));
        Assert.Equal(ticket.Id, message.TicketId);
        Assert.StartsWith("The panel logged an error (level 3).", message.Content, StringComparison.Ordinal);
        var mail = Assert.Single(smtp.Received).Message;
        Assert.Equal($"[Ticket #{ticket.Id}] Panel error", mail.Subject);
        Assert.Equal("oncall@example.com", Assert.IsType<MailboxAddress>(Assert.Single(mail.To)).Address);
        Assert.Contains($"https://panel.example.com/admin/tickets/{ticket.Id}", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_smtp_mail_goes_to_the_outbox_folder()
    {
        await using var panel = await LivePanel.StartAsync();
        await panel.SeedAsync(PanelRows.Admin());
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("error-log-ticket"));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("eventLog.created"));

        LivePanel.AssertSucceeded(result);
        var file = Assert.Single(Directory.GetFiles(panel.OutboxFolder, "*.eml"));
        var mail = await MimeMessage.LoadAsync(file);
        Assert.EndsWith("] Panel error", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("flows@panel.example.com", Assert.IsType<MailboxAddress>(Assert.Single(mail.From)).Address);
    }

    [Fact]
    public async Task Webhook_sends_tags_from_the_database_in_an_exactly_escaped_body()
    {
        await using var receiver = await HttpTestServer.AnsweringAsync(204);
        await using var panel = await LivePanel.StartAsync();
        await panel.SeedAsync(new TagRow { Id = 1, ResourceType = "server", ResourceId = PanelRows.ServerId, Name = "vip" });
        var flow = CompilerTestFlows.Load(WebhookFlow(receiver.BaseUrl));
        var hostile = new ServerEvent { Id = PanelRows.ServerId, Hostname = "evil\"host\\\n</b>ä", Node = "pve/1?", Cpu = 4 };

        var result = await panel.RunAsync(flow, hostile);

        LivePanel.AssertSucceeded(result);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(("POST", "/hooks/servers/1337?node=pve%2F1%3F", "application/json"), (request.Method, request.PathAndQuery, request.ContentType));
        Assert.Equal("server.created", request.Headers["X-Panel-Event"]);
        Assert.Equal("{\"host\": \"evil\\u0022host\\\\\\n\\u003C/b\\u003Eä\", \"cores\": 4, \"tag\": \"vip\"}", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task Rest_answer_is_read_into_its_example_shape_and_drives_proxmox()
    {
        await using var pve = await EmulatedServerAsync();
        await using var api = await HttpTestServer.AnsweringAsync(200, """{"vlan": {"id": 120, "name": "customers"}, "extra": [1, 2]}""", "application/json");
        await using var panel = await LivePanel.StartAsync(ProxmoxSettings(pve));
        await panel.SeedAsync(PanelRows.Server());
        var flow = CompilerTestFlows.Load(RestFlow(api.BaseUrl));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        LivePanel.AssertSucceeded(result);
        Assert.Equal("/vlans?node=pve-fra-1", Assert.Single(api.Requests).PathAndQuery);
        Assert.Equal($"virtio={PanelRows.Mac},bridge=vmbr0,tag=120", pve.Guest(PanelRows.Vmid).Config["net0"]);
    }

    [Fact]
    public async Task Rest_get_is_retried_after_a_transient_failure_and_a_webhook_post_is_not()
    {
        await using var api = await HttpTestServer.StartAsync(async (context, attempt) =>
        {
            context.Response.StatusCode = attempt == 1 ? 503 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(attempt == 1 ? "busy" : """{"vlan": {"id": 7, "name": "x"}}""");
        });
        await using var panel = await LivePanel.StartAsync();
        var flow = CompilerTestFlows.Load(RestFlow(api.BaseUrl));

        var result = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        Assert.Equal(NodeStatus.Succeeded, result.Node("lookup").Status);
        Assert.Equal(2, api.Requests.Count);
    }

    internal static async Task<ProxmoxEmulator> EmulatedServerAsync()
    {
        var pve = await ProxmoxEmulator.StartAsync();
        pve.AddGuest(PanelRows.Vmid, PanelRows.Node, "qemu", running: true,
            ("name", "ubuntu-2204"),
            ("net0", $"virtio={PanelRows.Mac},bridge=vmbr0"));
        return pve;
    }

    internal static Dictionary<string, string?> ProxmoxSettings(ProxmoxEmulator pve, string secret = ProxmoxEmulator.TokenSecret) => new()
    {
        ["Proxmox:BaseUrl"] = pve.BaseUrl.AbsoluteUri,
        ["Proxmox:TokenId"] = ProxmoxEmulator.TokenId,
        ["Proxmox:TokenSecret"] = secret,
        ["Proxmox:Timeout"] = "00:00:05",
        ["Proxmox:TaskPollInterval"] = "00:00:00.010",
        ["Proxmox:TaskWaitLimit"] = "00:00:30",
    };

    internal static Dictionary<string, string?> SmtpSettings(int port) => new()
    {
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
    };

    internal static string WebhookFlow(string baseUrl) => $$$"""
        {
          "format": "flowc/1", "id": "vip-hook", "name": "vip hook",
          "nodes": [
            { "id": "trigger", "type": "event", "parameters": { "event": "server.created" } },
            { "id": "tags", "type": "loadTags", "parameters": { "for": "server", "inputField": "id", "as": "tags" } },
            { "id": "is-vip", "type": "filter", "parameters": { "field": "tags.name", "operation": "=", "value": "vip" } },
            { "id": "notify", "type": "webhook", "parameters": {
                "url": "{{{baseUrl}}}/hooks/servers/{{id}}?node={{node}}", "method": "POST",
                "headers": { "X-Panel-Event": "server.created" },
                "content": "{\"host\": \"{{hostname}}\", \"cores\": {{cpu}}, \"tag\": \"{{tags.name}}\"}" } }
          ],
          "edges": [
            { "from": "trigger", "to": "tags" },
            { "from": "tags", "to": "is-vip" },
            { "from": "is-vip", "port": "true", "to": "notify" }
          ]
        }
        """;

    internal static string RestFlow(string baseUrl) => $$$"""
        {
          "format": "flowc/1", "id": "rest-vlan", "name": "rest vlan",
          "nodes": [
            { "id": "trigger", "type": "event", "parameters": { "event": "server.created" } },
            { "id": "lookup", "type": "rest", "parameters": {
                "url": "{{{baseUrl}}}/vlans?node={{node}}", "method": "GET",
                "exampleResponse": { "vlan": { "id": 120, "name": "customers" } }, "as": "vlan" } },
            { "id": "set-vlan", "type": "modifyServer", "parameters": {
                "serverId": "{{id}}", "component": "network", "action": "changeVlanTag", "tag": "{{vlan.vlan.id}}" } }
          ],
          "edges": [
            { "from": "trigger", "to": "lookup" },
            { "from": "lookup", "to": "set-vlan" }
          ]
        }
        """;
}
