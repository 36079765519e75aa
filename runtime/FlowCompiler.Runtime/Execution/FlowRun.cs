using System.Diagnostics;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// The bookkeeping of one run, written by generated code as it goes. Every node starts as skipped; a node
/// that runs is marked succeeded or failed, so the subtree of a failed node (or the children of the port a
/// filter did not take) stays skipped without any extra work. Nodes are addressed by their index in
/// <see cref="FlowDescriptor.NodeIds"/>; recording a node allocates nothing.
/// </summary>
public sealed class FlowRun
{
    private readonly FlowDescriptor _flow;
    private readonly NodeRecord[] _nodes;
    private readonly List<ActionRequest> _effects = [];
    private List<NodeFault>? _faults;
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>Starts the bookkeeping of one run of <paramref name="flow"/>.</summary>
    public FlowRun(FlowDescriptor flow)
    {
        _flow = flow;
        _nodes = new NodeRecord[flow.NodeIds.Count];
    }

    /// <summary>Whether any node failed so far.</summary>
    public bool HasFailures { get; private set; }

    /// <summary>What each failed node threw, in the order they failed: a durable run's retry decision reads it.</summary>
    public IReadOnlyList<NodeFault> Faults => _faults ?? (IReadOnlyList<NodeFault>)[];

    /// <summary>Marks the start of a node.</summary>
    public void Start(int node) => _nodes[node].Started = Stopwatch.GetTimestamp();

    /// <summary>The node ran to the end.</summary>
    public void Succeed(int node) => Finish(node, NodeStatus.Succeeded, null, null);

    /// <summary>The filter ran and chose <paramref name="port"/>.</summary>
    public void Succeed(int node, bool port) => Finish(node, NodeStatus.Succeeded, port ? "true" : "false", null);

    /// <summary>The node threw; its children will not run.</summary>
    public void Fail(int node, Exception error)
    {
        HasFailures = true;
        (_faults ??= []).Add(new NodeFault(_flow.NodeIds[node], error));
        Finish(node, NodeStatus.Failed, null, error.Message);
    }

    /// <summary>
    /// Ends the run from outside (a timeout or a cancelled raise): every node that started and did not finish
    /// fails with <paramref name="reason"/>; nodes that never started stay skipped.
    /// </summary>
    public void Abort(string reason)
    {
        for (var i = 0; i < _nodes.Length; i++)
        {
            if (_nodes[i].Started != 0 && _nodes[i].Finished == 0)
            {
                HasFailures = true;
                Finish(i, NodeStatus.Failed, null, reason);
            }
        }

        HasFailures = true;
    }

    /// <summary>Records what an action sends, just before it is sent.</summary>
    public void RecordEffect(ActionRequest request) => _effects.Add(request);

    /// <summary>The run so far, as a result.</summary>
    public RunResult ToResult()
    {
        var nodes = new NodeResult[_nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            ref readonly var node = ref _nodes[i];
            var duration = node.Status == NodeStatus.Skipped ? TimeSpan.Zero : Stopwatch.GetElapsedTime(node.Started, node.Finished);
            nodes[i] = new NodeResult(_flow.NodeIds[i], node.Status, node.Port, duration, node.Error);
        }

        return new RunResult(_flow.FlowId, HasFailures ? RunStatus.Failed : RunStatus.Succeeded, Stopwatch.GetElapsedTime(_started), nodes, [.. _effects]);
    }

    private void Finish(int node, NodeStatus status, string? port, string? error)
    {
        ref var record = ref _nodes[node];
        record.Finished = Stopwatch.GetTimestamp();
        record.Status = status;
        record.Port = port;
        record.Error = error;
    }

    private struct NodeRecord
    {
        public long Started;
        public long Finished;
        public NodeStatus Status;
        public string? Port;
        public string? Error;
    }
}
