using System.Collections.Frozen;
using System.Collections.Immutable;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;

namespace FlowCompiler.Generator.Binding;

/// <summary>
/// The tree a flow's edges describe, after checking the rules of spec §2. Broken edges are reported and
/// left out, so the binder can still check everything that hangs correctly below the trigger.
/// </summary>
public sealed class FlowGraph
{
    private readonly FrozenDictionary<string, ImmutableArray<FlowEdge>> _children;

    private FlowGraph(FlowNode? trigger, FrozenDictionary<string, ImmutableArray<FlowEdge>> children, FrozenDictionary<string, FlowNode> nodes)
    {
        Trigger = trigger;
        _children = children;
        Nodes = nodes;
    }

    /// <summary>The one trigger, or null when there is none (or several).</summary>
    public FlowNode? Trigger { get; }

    /// <summary>Nodes by id (the first of duplicates).</summary>
    public FrozenDictionary<string, FlowNode> Nodes { get; }

    /// <summary>The valid outgoing edges of a node, in document order.</summary>
    public ImmutableArray<FlowEdge> ChildrenOf(string nodeId) => _children.GetValueOrDefault(nodeId, []);

    /// <summary>Checks the graph rules and builds the tree.</summary>
    public static FlowGraph Build(FlowDocument document, DiagnosticBag diagnostics)
    {
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        foreach (var node in document.Nodes)
        {
            if (!nodes.TryAdd(node.Id, node))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateNodeId, node.Id, node.JsonPath + ".id",
                    $"node id \"{node.Id}\" is already used by $.nodes[{nodes[node.Id].Index}]; give each node its own id.");
            }
        }

        var triggers = document.Nodes.Where(n => n.Type == NodeTypes.Event).ToList();
        if (triggers.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.TriggerCount, null, "$.nodes",
                "the flow has no trigger; add one node of type \"event\" that names the event the flow reacts to.");
        }
        else if (triggers.Count > 1)
        {
            foreach (var extra in triggers.Skip(1))
            {
                diagnostics.Error(DiagnosticCodes.TriggerCount, extra.Id, extra.JsonPath,
                    $"the flow has {triggers.Count} triggers ({string.Join(", ", triggers.Select(t => t.Id))}); a flow has exactly one. Make a separate flow for each event.");
            }
        }

        var trigger = triggers.Count == 1 ? triggers[0] : null;
        var incoming = new Dictionary<string, FlowEdge>(StringComparer.Ordinal);
        var children = new Dictionary<string, ImmutableArray<FlowEdge>.Builder>(StringComparer.Ordinal);
        foreach (var edge in document.Edges)
        {
            if (!CheckEdge(edge, nodes, diagnostics))
            {
                continue;
            }

            if (nodes[edge.To].Type == NodeTypes.Event)
            {
                diagnostics.Error(DiagnosticCodes.EdgeIntoTrigger, edge.To, edge.JsonPath,
                    $"edge from \"{edge.From}\" leads into the trigger \"{edge.To}\"; the trigger starts the flow and takes no input.");
                continue;
            }

            if (incoming.TryGetValue(edge.To, out var first))
            {
                var sources = first.From == edge.From ? $"twice from \"{edge.From}\"" : $"from \"{first.From}\" and from \"{edge.From}\"";
                diagnostics.Error(DiagnosticCodes.MultipleInputs, edge.To, edge.JsonPath,
                    $"node \"{edge.To}\" has two incoming edges, {sources}; every node has exactly one input. Remove one edge or duplicate the node.");
                continue;
            }

            incoming[edge.To] = edge;
            if (!children.TryGetValue(edge.From, out var list))
            {
                children[edge.From] = list = ImmutableArray.CreateBuilder<FlowEdge>();
            }

            list.Add(edge);
        }

        var graph = new FlowGraph(
            trigger,
            children.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal),
            nodes.ToFrozenDictionary(StringComparer.Ordinal));
        graph.ReportUnreachable(document, incoming, diagnostics);
        return graph;
    }

    private static bool CheckEdge(FlowEdge edge, Dictionary<string, FlowNode> nodes, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var (end, id) in new[] { ("from", edge.From), ("to", edge.To) })
        {
            if (!nodes.ContainsKey(id))
            {
                var suggestion = NameSuggester.Closest(id, nodes.Keys);
                diagnostics.Error(DiagnosticCodes.UnknownEdgeNode, null, $"{edge.JsonPath}.{end}",
                    $"edge names node \"{DiagnosticText.Printable(id)}\", which does not exist{NameSuggester.DidYouMean(suggestion)}.");
                ok = false;
            }
        }

        if (ok && nodes[edge.From] is var source && NodeTypes.Find(source.Type) is { } spec && !spec.Ports.Contains(edge.Port))
        {
            var hint = spec.Type == NodeTypes.Filter
                ? "a filter's edges need \"port\": \"true\" or \"port\": \"false\""
                : $"a {spec.Type} node has one output port, \"out\" (leave \"port\" out)";
            diagnostics.Error(DiagnosticCodes.UnknownPort, edge.From, $"{edge.JsonPath}.port",
                $"node \"{edge.From}\" has no port \"{DiagnosticText.Printable(edge.Port)}\": {hint}.");
            ok = false;
        }

        return ok;
    }

    private void ReportUnreachable(FlowDocument document, Dictionary<string, FlowEdge> incoming, DiagnosticBag diagnostics)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        if (Trigger is not null)
        {
            var stack = new Stack<string>([Trigger.Id]);
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                if (reached.Add(id))
                {
                    foreach (var edge in ChildrenOf(id))
                    {
                        stack.Push(edge.To);
                    }
                }
            }
        }

        var inCycle = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in document.Nodes)
        {
            if (reached.Contains(node.Id) || node.Type == NodeTypes.Event || inCycle.Contains(node.Id) || !Nodes.TryGetValue(node.Id, out var first) || first != node)
            {
                continue;
            }

            // Every node has at most one parent here, so following parents either ends or loops.
            var chain = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var current = node.Id;
            while (seen.Add(current) && incoming.TryGetValue(current, out var parentEdge))
            {
                chain.Add(current);
                current = parentEdge.From;
            }

            if (seen.Count == chain.Count && chain.Contains(current))
            {
                var loop = chain[chain.IndexOf(current)..];
                loop.Reverse();
                inCycle.UnionWith(loop);
                diagnostics.Error(DiagnosticCodes.Cycle, current, Nodes[current].JsonPath,
                    $"nodes {string.Join(" → ", loop.Append(loop[0]).Select(n => $"\"{n}\""))} form a cycle; a flow is a tree that starts at the trigger.");
                continue;
            }

            var hint = incoming.ContainsKey(node.Id)
                ? $"its chain of inputs starts at \"{current}\", which is not connected to the trigger"
                : "no edge leads into it";
            diagnostics.Error(DiagnosticCodes.Unreachable, node.Id, node.JsonPath,
                $"node \"{node.Id}\" is not reachable from the trigger: {hint}. Connect it or delete it.");
        }
    }
}
