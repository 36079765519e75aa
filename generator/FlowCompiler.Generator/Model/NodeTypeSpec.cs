using System.Collections.Immutable;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Model;

/// <summary>What the format defines for one node type: its parameters in canonical order and its output ports.</summary>
/// <param name="Type">The type name.</param>
/// <param name="Kind">Trigger, enricher or action.</param>
/// <param name="Parameters">Parameters in the order export writes them.</param>
/// <param name="Ports">Output port names.</param>
public sealed record NodeTypeSpec(string Type, NodeKind Kind, ImmutableArray<ParameterSpec> Parameters, ImmutableArray<string> Ports)
{
    /// <summary>What a node of this type does, in a sentence or two for editors (the JSON Schema's description).</summary>
    public string Description { get; init; } = "";

    /// <summary>
    /// The retry defaults of this node type when it does I/O (a flow may set a <c>retry</c> of its own on such a node;
    /// members left null take the host's settings); null for a node type that does none and takes no <c>retry</c>.
    /// </summary>
    public NodeRetry? Retry { get; init; }

    /// <summary>Finds a parameter spec by name.</summary>
    public ParameterSpec? Find(string name)
    {
        foreach (var p in Parameters)
        {
            if (p.Name == name)
            {
                return p;
            }
        }

        return null;
    }
}
