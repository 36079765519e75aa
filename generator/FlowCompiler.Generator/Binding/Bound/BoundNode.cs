using System.Collections.Immutable;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Binding;

/// <summary>
/// A node after binding: every path resolved, every template typed and escaped, every choice parsed.
/// Immutable, and free of JSON: the emitter and the reference interpreter read only this.
/// </summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
public abstract record BoundNode(string Id, Scope Scope)
{
    /// <summary>The node type as written in the document.</summary>
    public abstract string Type { get; }

    /// <summary>The children of each output port, in execution order.</summary>
    public ImmutableArray<BoundBranch> Branches { get; init; } = [];

    /// <summary>
    /// How the durable queue retries this node's transient failures: the flow's <c>retry</c> over the node type's
    /// defaults; null when the host's settings apply throughout (or the node does no I/O).
    /// </summary>
    public NodeRetry? Retry { get; init; }

    /// <summary>The children of one port (empty when nothing is connected).</summary>
    public ImmutableArray<BoundNode> ChildrenOf(string port)
    {
        foreach (var branch in Branches)
        {
            if (branch.Port == port)
            {
                return branch.Children;
            }
        }

        return [];
    }
}
