using FlowCompiler.Generator.Binding;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Interpretation;

/// <summary>
/// The reference interpreter: runs a bound flow directly, without Roslyn, with exactly the semantics of the
/// code <see cref="Emit.FlowEmitter"/> generates (spec §5–§6). It is the executable specification the
/// differential tests hold compiled flows to, and the baseline the benchmarks compare them with.
/// </summary>
/// <remarks>
/// Per node, as generated code: <see cref="FlowRun.Start"/>, the node's work, then
/// <see cref="FlowRun.Succeed(int)"/> and its children in edge order, depth first; an exception fails the
/// node (<see cref="FlowRun.Fail"/>) and skips its subtree while its siblings go on, unless
/// <c>ct</c> was cancelled, in which case it ends the run. Actions record their rendered request
/// (<see cref="FlowRun.RecordEffect"/>) just before calling the service. Filters through an array narrow it
/// to the first match on the <c>true</c> port only. Templates are rendered with the runtime's
/// <see cref="TemplateText"/>, each hole escaped for where it lands, Scriban holes with <see cref="FlowScript"/>.
/// Values are read from the catalog's runtime classes by reflection (cached per property): simple, not fast.
/// An instance is immutable after construction and may run any number of events concurrently.
/// </remarks>
public sealed partial class FlowInterpreter
{
    private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);

    // For each node (by index), its parent's index and the port it hangs on; the trigger's parent is -1.
    private readonly (int Parent, string Port)[] _parents;
    private readonly Dictionary<string, RowQuery> _rowQueries = new(StringComparer.Ordinal);
    private readonly PathEvaluator _paths;
    private readonly FilterEvaluator _filters;
    private readonly TemplateRenderer _templates;

    /// <summary>Prepares <paramref name="flow"/> for running: parses its Scriban holes and builds its patterns once.</summary>
    /// <param name="flow">A flow that bound without errors (<c>FlowValidator.Validate(json).Flow</c>).</param>
    public FlowInterpreter(BoundFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        Flow = flow;
        for (var i = 0; i < flow.Nodes.Length; i++)
        {
            _nodeIndex[flow.Nodes[i].Id] = i;
        }

        _parents = new (int, string)[flow.Nodes.Length];
        _parents[_nodeIndex[flow.Trigger.Id]] = (-1, "");
        foreach (var node in flow.Nodes)
        {
            foreach (var branch in node.Branches)
            {
                foreach (var child in branch.Children)
                {
                    _parents[_nodeIndex[child.Id]] = (_nodeIndex[node.Id], branch.Port);
                }
            }
        }

        Descriptor = new FlowDescriptor(flow.Id, flow.Trigger.Event.Name, [.. flow.Nodes.Select(n => n.Id)])
        {
            Retries = flow.Nodes.Any(n => n.Retry is not null) ? [.. flow.Nodes.Select(n => n.Retry)] : [],
        };
        _paths = new PathEvaluator(_nodeIndex);
        _filters = new FilterEvaluator(_paths);
        _templates = new TemplateRenderer(_paths, _nodeIndex);
        foreach (var node in flow.Nodes)
        {
            Prepare(node);
        }
    }

    /// <summary>The flow it runs.</summary>
    public BoundFlow Flow { get; }

    /// <summary>The flow's id, trigger and node ids in execution order: the same as the compiled flow's.</summary>
    public FlowDescriptor Descriptor { get; }

    /// <summary>
    /// Whether the event gets past the flow's first filters, as the compiled <c>Accepts</c>: true when any
    /// node directly below the trigger is not a filter, or is a filter with something on its <c>false</c>
    /// port, or is a filter that passes; false when the trigger has no children. When false, running the
    /// flow has no effect.
    /// </summary>
    /// <param name="payload">The event payload, of the trigger's payload type.</param>
    /// <exception cref="InvalidCastException">The payload is not of the trigger's payload type.</exception>
    public bool Accepts(object payload)
    {
        var values = new RunValues(CheckPayload(payload), Flow.Nodes.Length);
        var children = Flow.Trigger.ChildrenOf("out");
        if (children.IsEmpty)
        {
            return false;
        }

        if (children.Any(c => c is not BoundFilter filter || !filter.ChildrenOf("false").IsEmpty))
        {
            return true;
        }

        return children.Any(c => _filters.Test((BoundFilter)c, values, out _));
    }

    /// <summary>
    /// Runs the flow once for <paramref name="payload"/>, writing every node's outcome and every effect into
    /// <paramref name="run"/> (created from <see cref="Descriptor"/>). Has the shape of a <c>FlowEntryPoint</c>.
    /// </summary>
    /// <param name="payload">The event payload, of the trigger's payload type.</param>
    /// <param name="services">Where the flow's reads and actions go.</param>
    /// <param name="run">The run's bookkeeping.</param>
    /// <param name="ct">Cancels the run: passed to every service call; an exception while it is cancelled ends the run instead of failing a node.</param>
    /// <exception cref="InvalidCastException">The payload is not of the trigger's payload type.</exception>
    public Task RunAsync(object payload, IFlowServices services, FlowRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(run);
        var values = new RunValues(CheckPayload(payload), Flow.Nodes.Length);
        return RunTriggerAsync(values, services, run, ct);
    }

    /// <summary>Runs the flow once and returns its record, as <c>LoadedFlow.RunAsync</c> does for a compiled flow.</summary>
    /// <param name="payload">The event payload, of the trigger's payload type.</param>
    /// <param name="services">Where the flow's reads and actions go.</param>
    /// <param name="ct">Cancels the run.</param>
    public async Task<RunResult> RunAsync(object payload, IFlowServices services, CancellationToken ct = default)
    {
        var run = new FlowRun(Descriptor);
        await RunAsync(payload, services, run, ct);
        return run.ToResult();
    }

    private object CheckPayload(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var expected = Flow.Trigger.Event.PayloadType;
        return expected.IsInstanceOfType(payload)
            ? payload
            : throw new InvalidCastException($"Flow \"{Flow.Id}\" runs on {Flow.Trigger.Event.Name} events, whose payload is {expected.Name}, not {payload.GetType().Name}.");
    }

    // Nodes run in execution order (depth first, edge order), as the generated entry method runs them: a
    // node runs when its parent succeeded and took the port it hangs on. A loop, not recursion: any depth of
    // flow runs in constant stack.
    private async Task RunTriggerAsync(RunValues values, IFlowServices services, FlowRun run, CancellationToken ct)
    {
        var taken = new string?[Flow.Nodes.Length];
        for (var index = 0; index < Flow.Nodes.Length; index++)
        {
            var (parent, port) = _parents[index];
            if (parent < 0)
            {
                run.Start(index);
                run.Succeed(index);
                taken[index] = "out";
            }
            else if (taken[parent] == port)
            {
                taken[index] = await RunNodeAsync(Flow.Nodes[index], index, values, services, run, ct);
            }
        }
    }

    // The port the node took (out for nodes other than filters), or null when it failed.
    private async Task<string?> RunNodeAsync(BoundNode node, int index, RunValues values, IFlowServices services, FlowRun run, CancellationToken ct)
    {
        run.Start(index);
        bool passed;
        try
        {
            passed = await WorkAsync(node, index, values, services, run, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            run.Fail(index, ex);
            return null;
        }

        if (node is BoundFilter)
        {
            run.Succeed(index, passed);
            return passed ? "true" : "false";
        }

        run.Succeed(index);
        return "out";
    }
}
