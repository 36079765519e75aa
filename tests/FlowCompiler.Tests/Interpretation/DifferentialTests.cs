using CsCheck;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Interpretation;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Validation;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Tests.Interpretation;

/// <summary>
/// Compiled and interpreted flows agree: random valid flows run on random events (hostile strings included),
/// with random nodes failing, give the same node statuses, ports, errors and effects, and the same
/// <c>Accepts</c>. Bounded: 80 flows of up to 12 nodes, 4 events each (one compile per flow, ~50 ms).
/// </summary>
public sealed class DifferentialTests
{
    private const int Flows = 80;

    [Fact]
    public async Task Random_flows_on_random_events_run_the_same_compiled_and_interpreted()
    {
        var seen = new Coverage();

        await RandomCase.All.SampleAsync(async c => await RunBoth(c, seen), iter: Flows, print: c => c.Json);

        // The generator must reach what the comparison is about, or an agreement would prove little.
        Assert.True(seen.Effects > Flows, $"only {seen.Effects} effects in {Flows} flows");
        Assert.True(seen.Failed > 0, "no node failed");
        Assert.True(seen.TruePorts > 0 && seen.FalsePorts > 0, $"ports taken: true {seen.TruePorts}, false {seen.FalsePorts}");
        Assert.True(seen.Skipped > 0, "no node was skipped");
    }

    private static async Task RunBoth(RandomCase c, Coverage seen)
    {
        var json = c.Json;
        var validation = FlowValidator.Validate(json);
        Assert.True(validation.Flow is not null, "the random flow does not validate:\n" + string.Join("\n", validation.Diagnostics) + "\n" + json);
        var flow = validation.Flow!;
        var compiled = LoadedFlow.Load(FlowAssemblyCompiler.Compile(flow, ContentHash.Of(FlowDocumentWriter.WriteUtf8(validation.Document!))));
        var interpreter = new FlowInterpreter(flow);
        var payloadType = flow.Trigger.Event.PayloadType;
        var failing = flow.Nodes.Where((n, i) => c.Failures[i % c.Failures.Length] == 0).Select(n => n.Id).ToList();
        try
        {
            foreach (var payload in c.Payloads.Where(payloadType.IsInstanceOfType))
            {
                Assert.Equal(Outcome(() => compiled.Accepts(payload)), Outcome(() => interpreter.Accepts(payload)));
                var expected = await compiled.RunAsync(payload, RandomEvents.Services(failing));
                var actual = await interpreter.RunAsync(payload, RandomEvents.Services(failing));
                Assert.Equal(RunRecord.Describe(expected), RunRecord.Describe(actual));
                seen.Add(actual);
            }
        }
        finally
        {
            compiled.Unload();
        }
    }

    private static string Outcome(Func<bool> accepts)
    {
        try
        {
            return accepts().ToString();
        }
        catch (Exception e)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }

    private sealed class Coverage
    {
        private int _effects;
        private int _failed;
        private int _truePorts;
        private int _falsePorts;
        private int _skipped;

        public int Effects => _effects;

        public int Failed => _failed;

        public int TruePorts => _truePorts;

        public int FalsePorts => _falsePorts;

        public int Skipped => _skipped;

        public void Add(RunResult result)
        {
            Interlocked.Add(ref _effects, result.Effects.Count);
            Interlocked.Add(ref _failed, result.Nodes.Count(n => n.Status == NodeStatus.Failed));
            Interlocked.Add(ref _truePorts, result.Nodes.Count(n => n.Port == "true"));
            Interlocked.Add(ref _falsePorts, result.Nodes.Count(n => n.Port == "false"));
            Interlocked.Add(ref _skipped, result.Nodes.Count(n => n.Status == NodeStatus.Skipped));
        }
    }
}
