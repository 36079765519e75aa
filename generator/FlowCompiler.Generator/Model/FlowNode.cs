using System.Collections.Immutable;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Model;

/// <summary>One node of a flow document, as written.</summary>
/// <param name="Id">Node id, unique in the flow.</param>
/// <param name="Type">Node type, such as <c>filter</c>.</param>
/// <param name="Parameters">Parameters in the canonical order of the node type.</param>
/// <param name="Position">Editor layout, kept on export and never read by the compiler.</param>
/// <param name="Index">Position in the document's <c>nodes</c> array, for JSON paths.</param>
public sealed record FlowNode(
    string Id,
    string Type,
    ImmutableArray<KeyValuePair<string, ParameterValue>> Parameters,
    FlowPosition? Position,
    int Index)
{
    /// <summary>
    /// Whether a parameter was present but could not be read (wrong JSON type, unreadable text). The reader
    /// reported it; the binder leaves the node unbound rather than report that parameter again as missing.
    /// </summary>
    public bool HasUnreadParameters { get; init; }

    /// <summary>The node's own <c>retry</c> as written (members it leaves out are null), or null when it has none.</summary>
    public NodeRetry? Retry { get; init; }

    /// <summary>The JSON path of this node.</summary>
    public string JsonPath => $"$.nodes[{Index}]";

    /// <summary>The JSON path of one of its parameters.</summary>
    public string ParameterPath(string name) => $"{JsonPath}.parameters.{name}";

    /// <summary>Finds a parameter by name.</summary>
    public ParameterValue? Parameter(string name)
    {
        foreach (var p in Parameters)
        {
            if (p.Key == name)
            {
                return p.Value;
            }
        }

        return null;
    }
}
