namespace FlowCompiler.Generator.Model;

/// <summary>
/// The order in which a flow runs: depth-first from the trigger, the children of a port in the order of
/// their edges. A node's whole subtree finishes before its next sibling starts.
/// </summary>
public static class ExecutionOrder
{
    /// <summary>
    /// The document's edges in execution order; edges that cannot be reached from the trigger follow in
    /// document order. Idempotent: sibling order is kept, so re-ordering an ordered list changes nothing.
    /// </summary>
    public static IReadOnlyList<FlowEdge> Edges(FlowDocument document)
    {
        var trigger = document.Nodes.FirstOrDefault(n => n.Type == NodeTypes.Event);
        if (trigger is null)
        {
            return document.Edges;
        }

        var outgoing = document.Edges.ToLookup(e => e.From, StringComparer.Ordinal);
        var ordered = new List<FlowEdge>(document.Edges.Length);
        var emitted = new HashSet<int>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { trigger.Id };

        // An explicit stack: a chain of two thousand nodes must not cost two thousand stack frames.
        var stack = new Stack<FlowEdge>(outgoing[trigger.Id].Reverse());
        while (stack.Count > 0)
        {
            var edge = stack.Pop();
            ordered.Add(edge);
            emitted.Add(edge.Index);
            if (visited.Add(edge.To))
            {
                foreach (var child in outgoing[edge.To].Reverse())
                {
                    stack.Push(child);
                }
            }
        }

        foreach (var edge in document.Edges)
        {
            if (!emitted.Contains(edge.Index))
            {
                ordered.Add(edge);
            }
        }

        return ordered;
    }
}
