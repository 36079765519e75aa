using System.Text;
using System.Text.Json;
using FlowCompiler.Generator.Interpretation;
using FlowCompiler.Generator.Model;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Tests.Hosting;

namespace FlowCompiler.Tests.Compiler;

/// <summary>
/// Every flow that validates compiles, runs and is recorded in bounded stack, up to the documented limits and
/// in any shape: a long chain, a wide fan-out, a deep filter chain and a mix, each with
/// <see cref="FlowLimits.MaxNodes"/> nodes. Validation and both runs happen on a thread with a small stack
/// (a third of a thread pool thread's), so a shape that recursed once per node would crash the test process.
/// </summary>
public sealed class FlowLimitTests
{
    private const int SmallStack = 512 * 1024;

    public static TheoryData<string> Shapes() => ["chain", "fanOut", "filterChain", "mix"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_flow_at_the_node_limit_validates_compiles_and_runs_in_a_small_stack(string shape)
    {
        var json = LimitFlows.Build(shape);
        var (bound, _) = OnSmallStack(() => CompilerTestFlows.Bind(json));
        Assert.Equal(FlowLimits.MaxNodes, bound.Nodes.Length);

        var compiled = CompilerTestFlows.Load(json);
        var login = HostFlows.Login(LimitFlows.ChosenId);
        var interpreter = new FlowInterpreter(bound);

        var compiledRun = OnSmallStack(() => compiled.RunAsync(login, new InMemoryFlowServices()).GetAwaiter().GetResult());
        var interpretedRun = OnSmallStack(() => interpreter.RunAsync(login, new InMemoryFlowServices()).GetAwaiter().GetResult());

        Assert.Equal(RunStatus.Succeeded, compiledRun.Status);
        var mail = Assert.IsType<MailRequest>(Assert.Single(compiledRun.Effects));
        Assert.Equal(LimitFlows.ExpectedSubject(shape), mail.Subject);
        Assert.Equal(FlowLimits.MaxNodes, compiledRun.Nodes.Count);
        Assert.Equal(
            interpretedRun.Nodes.Select(n => (n.Id, n.Status, n.Port)),
            compiledRun.Nodes.Select(n => (n.Id, n.Status, n.Port)));
        Assert.Equal(mail, Assert.Single(interpretedRun.Effects));
    }

    [Fact]
    public async Task A_host_publishes_runs_and_records_the_longest_chain()
    {
        var actions = new ActionSink();
        await using var engine = await TestEngine.StartAsync(actions);
        var published = await engine.Host.PublishAsync(Encoding.UTF8.GetBytes(LimitFlows.Build("chain")));
        Assert.True(published.Succeeded, string.Join("\n", published.Diagnostics.Select(d => d.Message)));

        var run = Assert.Single(await engine.Host.RaiseAsync("account.login", HostFlows.Login(LimitFlows.ChosenId)));
        await engine.Host.FlushRecordsAsync();

        Assert.Equal(LimitFlows.ExpectedSubject("chain"), Assert.Single(actions.Mails).Subject);
        var record = Assert.Single(await engine.Runs.ReadAsync(null, false, 10, CancellationToken.None));
        Assert.Equal(run.RunId, record.Id);
        Assert.Equal(FlowLimits.MaxNodes, record.Nodes.Count);
        Assert.All(record.Nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
    }

    // Runs work on a fresh thread with a small stack and hands back its result or exception.
    private static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, SmallStack);
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException("The work failed on the small-stack thread.", failure);
    }
}

/// <summary>Flows of exactly <see cref="FlowLimits.MaxNodes"/> nodes on <c>account.login</c>, each sending one mail for <see cref="ChosenId"/>.</summary>
internal static class LimitFlows
{
    /// <summary>The user id whose login reaches exactly one mail in every shape.</summary>
    public const int ChosenId = 700;

    public static string ExpectedSubject(string shape) => shape switch
    {
        "chain" => "v1=Ada Lovelace/1 last=Ada Lovelace/1998",
        "fanOut" => "hello 700",
        "filterChain" => "deep 700",
        _ => "mix Ada Lovelace/499",
    };

    public static string Build(string shape)
    {
        var nodes = new List<object> { Node("trigger", "event", new { @event = "account.login" }) };
        var edges = new List<object>();
        void Add(object node, string from, string? port = null)
        {
            nodes.Add(node);
            edges.Add(port is null ? new { from, to = Id(node) } : new { from, port, to = Id(node) });
        }

        var budget = FlowLimits.MaxNodes - 1;
        switch (shape)
        {
            case "chain":
                // trigger → v1 → … → v1997 → mail: each addField sees every output above it.
                var parent = "trigger";
                for (var i = 1; i < budget; i++)
                {
                    Add(Node($"v{i}", "addField", new { @as = $"v{i}", value = $"{{{{name}}}}/{i}" }), parent);
                    parent = $"v{i}";
                }

                Add(Mail("mail", $"v1={{{{v1}}}} last={{{{v{budget - 1}}}}}"), parent);
                break;
            case "fanOut":
                // trigger → 999 filters on the id, each with its own mail on the true port.
                for (var i = 0; i < budget / 2; i++)
                {
                    Add(Node($"is{i}", "filter", new { field = "id", operation = "=", value = ChosenId - 400 + i }), "trigger");
                    Add(Mail($"mail{i}", "hello {{id}}"), $"is{i}", "true");
                }

                Add(Node("spare", "filter", new { field = "id", operation = "<", value = 0 }), "trigger");
                break;
            case "filterChain":
                // trigger → f1 → … → f1998 → mail, each filter's true port leading to the next.
                var above = "trigger";
                for (var i = 1; i < budget; i++)
                {
                    Add(Node($"f{i}", "filter", new { field = "id", operation = ">=", value = i % ChosenId }), above, above == "trigger" ? null : "true");
                    above = $"f{i}";
                }

                Add(Mail("mail", "deep {{id}}"), above, "true");
                break;
            default:
                // Segments of filter (true) → addField → filter (false), then one leaf on every false port.
                var last = "trigger";
                var port = (string?)null;
                var segment = 0;
                while (nodes.Count + 4 <= FlowLimits.MaxNodes)
                {
                    segment++;
                    Add(Node($"pass{segment}", "filter", new { field = "id", operation = ">", value = 0 }), last, port);
                    Add(Node($"name{segment}", "addField", new { @as = $"n{segment}", value = $"{{{{name}}}}/{segment}" }), $"pass{segment}", "true");
                    Add(Node($"fail{segment}", "filter", new { field = "id", operation = "<", value = 0 }), $"name{segment}");
                    Add(Mail($"never{segment}", "never"), $"pass{segment}", "false");
                    last = $"fail{segment}";
                    port = "false";
                }

                while (nodes.Count < FlowLimits.MaxNodes - 1)
                {
                    Add(Node($"extra{nodes.Count}", "filter", new { field = "id", operation = "<", value = 0 }), last, "true");
                }

                Add(Mail("mail", $"mix {{{{n{segment}}}}}"), last, port);
                break;
        }

        return JsonSerializer.Serialize(new { format = "flowc/1", id = "limit-" + shape.ToLowerInvariant(), name = "At the limit: " + shape, nodes, edges });
    }

    private static object Node(string id, string type, object parameters) => new Dictionary<string, object> { ["id"] = id, ["type"] = type, ["parameters"] = parameters };

    private static object Mail(string id, string subject) => Node(id, "sendMail", new { to = "{{email}}", subject, content = "at the limit" });

    private static string Id(object node) => (string)((Dictionary<string, object>)node)["id"];
}
