namespace FlowCompiler.Runtime.Execution;

/// <summary>A finished run (spec §6/§7): per node status, port and error, and the effects in execution order.</summary>
/// <param name="Flow">The flow id.</param>
/// <param name="Status">Failed when any node failed.</param>
/// <param name="Duration">Wall time of the run.</param>
/// <param name="Nodes">Every node, in execution order.</param>
/// <param name="Effects">What the actions sent (or, in a dry run, would have sent), in execution order.</param>
public sealed record RunResult(string Flow, RunStatus Status, TimeSpan Duration, IReadOnlyList<NodeResult> Nodes, IReadOnlyList<ActionRequest> Effects)
{
    /// <summary>The record of one node.</summary>
    public NodeResult Node(string id) => Nodes.First(n => n.Id == id);
}
