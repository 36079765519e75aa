using FlowCompiler.Runtime.Actions.Http;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Tests.Compiler;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Tests.Panel;

/// <summary>
/// A dry run makes the checks the real run makes on every value before it acts (spec §6), through the same
/// code: it fails a node exactly where the real run fails it, and passes what the real run passes.
/// </summary>
public sealed class DryRunParityTests
{
    // The sample server.created event: hostname "ubuntu-2204", os "Ubuntu 22.04 LTS", ip null.
    private const string Flow = """
        {
          "format": "flowc/1", "id": "bad-values", "name": "values Proxmox, the ticket table and mail refuse",
          "nodes": [
            { "id": "trigger", "type": "event", "parameters": { "event": "server.created" } },
            { "id": "rename", "type": "modifyServer", "parameters": {
                "serverId": "{{id}}", "component": "general", "action": "setHostname", "hostname": "{{hostname}}_new" } },
            { "id": "ha", "type": "modifyServer", "parameters": {
                "serverId": "{{id}}", "component": "ha", "action": "setHaStatus", "group": "{{os}}", "maxRelocates": 1, "maxRestarts": 1 } },
            { "id": "ticket", "type": "createTicket", "parameters": {
                "title": "{{ip}}", "priority": "low", "creatorId": 1, "content": "no title" } },
            { "id": "mail", "type": "sendMail", "parameters": {
                "to": "{{hostname}}@example.org, {{os}}", "subject": "s", "content": "c" } },
            { "id": "note", "type": "modifyServer", "parameters": {
                "serverId": "{{id}}", "component": "general", "action": "setNote", "note": "checked" } }
          ],
          "edges": [
            { "from": "trigger", "to": "rename" }, { "from": "trigger", "to": "ha" }, { "from": "trigger", "to": "ticket" },
            { "from": "trigger", "to": "mail" }, { "from": "trigger", "to": "note" }
          ]
        }
        """;

    [Fact]
    public async Task A_dry_run_fails_the_nodes_the_real_run_fails_with_the_same_errors()
    {
        await using var pve = await PanelEndToEndTests.EmulatedServerAsync();
        await using var panel = await LivePanel.StartAsync(PanelEndToEndTests.ProxmoxSettings(pve));
        await panel.SeedAsync(PanelRows.Server(), PanelRows.Admin());
        var flow = CompilerTestFlows.Load(Flow);

        var dry = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"), dryRun: true);
        Assert.DoesNotContain(pve.Requests, r => r.Method != "GET");
        var real = await panel.RunAsync(flow, CompilerTestFlows.SampleEvent("server.created"));

        Assert.Equal(Outcomes(real), Outcomes(dry));
        Assert.Equal(
            ["rename", "ha", "ticket", "mail"],
            dry.Nodes.Where(n => n.Status == NodeStatus.Failed).Select(n => n.Id));
        Assert.StartsWith("setHostname on server 1337: 'ubuntu-2204_new' is not a valid hostname", dry.Node("rename").Error, StringComparison.Ordinal);
        Assert.StartsWith("setHaStatus on server 1337: HA group 'Ubuntu 22.04 LTS' is not a valid Proxmox id", dry.Node("ha").Error, StringComparison.Ordinal);
        Assert.StartsWith("A ticket needs a title", dry.Node("ticket").Error, StringComparison.Ordinal);
        Assert.StartsWith("'Ubuntu 22.04 LTS' is not a valid e-mail address", dry.Node("mail").Error, StringComparison.Ordinal);
        Assert.Equal(NodeStatus.Succeeded, dry.Node("note").Status);
        Assert.Equal("checked", pve.Guest(PanelRows.Vmid).Config["description"]);
        Assert.Equal(0, await panel.QueryAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task A_dry_run_refuses_a_request_the_http_client_refuses_with_the_same_error()
    {
        await using var panel = await LivePanel.StartAsync();
        var request = new HttpRequestSpec("hook", "https://hooks.example.com/x", "POST", "application/json", "{}", [KeyValuePair.Create("Content-Length", "2")]);

        var dry = await Assert.ThrowsAsync<ArgumentException>(() => panel.DryRunServices.SendWebhookAsync(request, CancellationToken.None));
        var real = await Assert.ThrowsAsync<ArgumentException>(() => panel.Services.SendWebhookAsync(request, CancellationToken.None));
        var rest = await Assert.ThrowsAsync<ArgumentException>(() => panel.DryRunServices.RequestAsync(request with { Url = "ftp://x.example.com/" }, "{}", CancellationToken.None));

        Assert.Equal(real.Message, dry.Message);
        Assert.Contains("is set by the HTTP transport", dry.Message, StringComparison.Ordinal);
        Assert.Contains("is not an absolute http or https URL", rest.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("changeVlanTag", "tag", 5000, "A VLAN tag is 1–4094.")]
    [InlineData("changeRateLimit", "rate", "-1", "rate rendered as \"-1\", which is not a number of at least 0")]
    [InlineData("setNote", "note", null, "A Proxmox note holds at most 8192 characters")]
    [InlineData("teleport", "x", 1, "modifyServer has no action \"teleport\"")]
    public async Task A_dry_run_refuses_a_server_change_the_real_run_refuses(string action, string name, object? value, string expected)
    {
        await using var panel = await LivePanel.StartAsync();
        var change = new ServerChange("change", PanelRows.ServerId, "network", action, [KeyValuePair.Create(name, value ?? new string('n', 8193))]);

        var dry = await Assert.ThrowsAsync<FlowValueException>(() => panel.DryRunServices.ModifyServerAsync(change, CancellationToken.None));
        var real = await Assert.ThrowsAsync<FlowValueException>(() => panel.Services.ModifyServerAsync(change, CancellationToken.None));

        Assert.Equal(real.Message, dry.Message);
        Assert.Contains(expected, dry.Message, StringComparison.Ordinal);
    }

    private static List<(string Id, NodeStatus Status, string? Error)> Outcomes(RunResult result) =>
        [.. result.Nodes.Select(n => (n.Id, n.Status, n.Error))];
}
