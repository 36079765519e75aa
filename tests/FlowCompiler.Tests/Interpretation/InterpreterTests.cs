using FlowCompiler.Generator.Interpretation;
using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Tests.Compiler;

namespace FlowCompiler.Tests.Interpretation;

public sealed class InterpreterTests
{
    public static IEnumerable<object[]> Samples() => CompilerTestFlows.SampleNames();

    private static FlowInterpreter Interpret(string json) => new(CompilerTestFlows.Bind(json).Flow);

    // Rows and tags that let every sample reach its actions with its sample event.
    private static InMemoryFlowServices Services() => new InMemoryFlowServices()
        .AddRow("users", new UserRow { Id = 100, Username = "ada", Email = "ada@example.org" })
        .AddRow("packages", new PackageRow { Id = 3, Name = "Starter S", Meta = new Dictionary<string, string> { ["tier"] = "small" } })
        .AddTag("server", 1337, "vip")
        .AddTag("user", 100, "unmetered")
        .AddRow("servers", new ServerRow { Id = 1337, Userid = 100, Hostname = "ubuntu-2204", Status = "suspended" });

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_sample_runs_interpreted_exactly_as_compiled(string name)
    {
        var text = CompilerTestFlows.SampleText(name);
        var interpreter = Interpret(text);
        var compiled = CompilerTestFlows.Load(text);
        var payload = CompilerTestFlows.SampleEvent(interpreter.Descriptor.EventName);

        var expected = await compiled.RunAsync(payload, Services());
        var actual = await interpreter.RunAsync(payload, Services());

        Assert.Equal(compiled.Descriptor.NodeIds, interpreter.Descriptor.NodeIds);
        Assert.Equal(RunRecord.Describe(expected), RunRecord.Describe(actual));
        Assert.Equal(compiled.Accepts(payload), interpreter.Accepts(payload));
    }

    [Fact]
    public async Task Filter_through_an_array_narrows_it_to_the_first_match_on_the_true_port()
    {
        var interpreter = Interpret(CompilerTestFlows.SampleText("addon-charge-mail"));

        var result = await interpreter.RunAsync(CompilerTestFlows.SampleEvent("server.created"), Services());

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
        var interpreter = Interpret(SiblingsFlow);
        var services = new InMemoryFlowServices();
        services.FailingNodes.Add("first");

        var result = await interpreter.RunAsync(CompilerTestFlows.SampleEvent("server.created"), services);

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(NodeStatus.Failed, result.Node("first").Status);
        Assert.Contains("simulated failure", result.Node("first").Error, StringComparison.Ordinal);
        Assert.Equal(NodeStatus.Skipped, result.Node("below-first").Status);
        Assert.Equal(NodeStatus.Succeeded, result.Node("second").Status);
        Assert.Equal(["first", "second"], result.Effects.Select(e => e.NodeId));
    }

    [Fact]
    public async Task A_failure_while_cancelled_ends_the_run_instead_of_failing_the_node()
    {
        var interpreter = Interpret(SiblingsFlow);
        var services = new InMemoryFlowServices();
        services.FailingNodes.Add("first");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var run = new FlowRun(interpreter.Descriptor);

        await Assert.ThrowsAsync<InvalidOperationException>(() => interpreter.RunAsync(CompilerTestFlows.SampleEvent("server.created"), services, run, cancelled.Token));

        Assert.Equal(NodeStatus.Skipped, run.ToResult().Node("second").Status);
    }

    [Fact]
    public void Accepts_is_false_for_an_event_every_first_filter_rejects()
    {
        var interpreter = Interpret(CompilerTestFlows.SampleText("addon-charge-mail"));

        Assert.True(interpreter.Accepts(CompilerTestFlows.SampleEvent("server.created")));
        Assert.False(interpreter.Accepts(new ServerEvent { Charges = [new ServerCharge { Amount = 3m }] }));
    }

    [Fact]
    public async Task A_payload_of_another_event_is_refused_with_a_clear_message()
    {
        var interpreter = Interpret(CompilerTestFlows.SampleText("addon-charge-mail"));

        var error = await Assert.ThrowsAsync<InvalidCastException>(() => interpreter.RunAsync(new UserEvent(), new InMemoryFlowServices()));

        Assert.Contains("server.created", error.Message, StringComparison.Ordinal);
        Assert.Contains("UserEvent", error.Message, StringComparison.Ordinal);
    }

    private const string SiblingsFlow = """
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
}
