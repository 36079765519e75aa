namespace FlowCompiler.Runtime.Execution;

/// <summary>What a compiled flow says about itself: its id, its trigger, and its nodes in execution order.</summary>
/// <param name="FlowId">The flow id.</param>
/// <param name="EventName">The event that triggers it, e.g. <c>server.created</c>.</param>
/// <param name="NodeIds">Every node id, depth-first in execution order; generated code addresses nodes by index in this list.</param>
public sealed record FlowDescriptor(string FlowId, string EventName, IReadOnlyList<string> NodeIds)
{
    /// <summary>
    /// Each node's retry settings, by index in <see cref="NodeIds"/> (null: the host's settings); empty when no node
    /// has any of its own.
    /// </summary>
    public IReadOnlyList<NodeRetry?> Retries { get; init; } = [];

    /// <summary>The retry settings of node <paramref name="nodeId"/>, or null when the host's settings apply.</summary>
    public NodeRetry? RetryOf(string nodeId)
    {
        for (var i = 0; i < Retries.Count && i < NodeIds.Count; i++)
        {
            if (NodeIds[i] == nodeId)
            {
                return Retries[i];
            }
        }

        return null;
    }
}
