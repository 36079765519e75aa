using System.Text.Json;
using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Tests.Compiler;

public sealed class RunTests
{
    private const string Hostile = "evil\"host\\\n\u2028\u0085*/#line 1 </b>&{}";

    [Fact]
    public async Task Vip_webhook_body_is_valid_json_for_a_hostile_hostname()
    {
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("vip-server-webhook"));
        var server = (ServerEvent)CompilerTestFlows.SampleEvent("server.created");
        var hostile = new ServerEvent { Id = server.Id, Hostname = Hostile, Node = "pve/1?", Cpu = 4, Ram = 8192 };
        var services = new InMemoryFlowServices().AddTag("server", server.Id, "other").AddTag("server", server.Id, "VIP");

        var result = await flow.RunAsync(hostile, services);

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal("true", result.Node("is-vip").Port);
        var webhook = Assert.IsType<HttpRequestSpec>(Assert.Single(result.Effects));
        Assert.Equal("https://noc.example.com/hooks/servers/" + server.Id, webhook.Url);
        using var body = JsonDocument.Parse(webhook.Content!);
        Assert.Equal(Hostile, body.RootElement.GetProperty("host").GetString());
        Assert.Equal("VIP", body.RootElement.GetProperty("tag").GetString());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("ipv4").ValueKind);
    }

    [Fact]
    public async Task Event_without_the_vip_tag_takes_the_false_port_and_sends_nothing()
    {
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("vip-server-webhook"));

        var result = await flow.RunAsync(CompilerTestFlows.SampleEvent("server.created"), new InMemoryFlowServices());

        Assert.Equal("false", result.Node("is-vip").Port);
        Assert.Equal(NodeStatus.Skipped, result.Node("notify").Status);
        Assert.Empty(result.Effects);
    }

    [Fact]
    public async Task Filter_through_an_array_narrows_it_to_the_first_match_on_the_true_port()
    {
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("addon-charge-mail"));
        var services = new InMemoryFlowServices().AddRow("users", new UserRow { Id = 100, Username = "ada", Email = "ada@example.org" });

        var result = await flow.RunAsync(CompilerTestFlows.SampleEvent("server.created"), services);

        Assert.Equal(RunStatus.Succeeded, result.Status);
        var mail = Assert.IsType<MailRequest>(Assert.Single(result.Effects));
        Assert.Equal("ada@example.org", mail.To.ToString());
        Assert.Contains("\"Managed backups (daily, 14 days)\" at 12.9 EUR", mail.Content, StringComparison.Ordinal);
        Assert.Contains("8 GB RAM", mail.Content, StringComparison.Ordinal);
        Assert.Contains("due on 2024-03-23", mail.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_node_skips_its_subtree_and_its_siblings_still_run_in_order()
    {
        var json = """
            {
              "format": "flowc/1", "id": "siblings", "name": "siblings",
              "nodes": [
                { "id": "trigger", "type": "event", "parameters": { "event": "server.created" } },
                { "id": "first", "type": "sendMail", "parameters": { "to": "a@example.org", "subject": "first {{hostname}}", "content": "1" } },
                { "id": "below-first", "type": "sendMail", "parameters": { "to": "a@example.org", "subject": "below", "content": "2" } },
                { "id": "second", "type": "sendMail", "parameters": { "to": "b@example.org", "subject": "second", "content": "3" } }
              ],
              "edges": [
                { "from": "trigger", "to": "first" },
                { "from": "first", "to": "below-first" },
                { "from": "trigger", "to": "second" }
              ]
            }
            """;
        var flow = CompilerTestFlows.Load(json);
        var services = new InMemoryFlowServices();
        services.FailingNodes.Add("first");

        var result = await flow.RunAsync(CompilerTestFlows.SampleEvent("server.created"), services);

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(NodeStatus.Failed, result.Node("first").Status);
        Assert.Contains("simulated failure", result.Node("first").Error, StringComparison.Ordinal);
        Assert.Equal(NodeStatus.Skipped, result.Node("below-first").Status);
        Assert.Equal(NodeStatus.Succeeded, result.Node("second").Status);
        Assert.Equal(["first", "second"], result.Effects.Select(e => e.NodeId));
    }

    [Fact]
    public async Task Rest_response_is_typed_and_feeds_a_numeric_template()
    {
        var flow = CompilerTestFlows.Load(CompilerTestFlows.SampleText("rest-vlan-lookup"));

        var result = await flow.RunAsync(CompilerTestFlows.SampleEvent("server.created"), new InMemoryFlowServices());

        Assert.Equal(RunStatus.Succeeded, result.Status);
        var change = Assert.IsType<ServerChange>(Assert.Single(result.Effects));
        Assert.Equal(1337, change.ServerId);
        Assert.Equal(KeyValuePair.Create("tag", (object)120), Assert.Single(change.Values));
    }
}
