namespace FlowCompiler.Generator.Model;

/// <summary>A connection from a node's output port to another node's input.</summary>
/// <param name="From">Source node id.</param>
/// <param name="Port">Output port of the source: <c>out</c>, or <c>true</c>/<c>false</c> for a filter.</param>
/// <param name="To">Target node id.</param>
/// <param name="Index">Position in the document's <c>edges</c> array, for JSON paths and sibling order.</param>
public sealed record FlowEdge(string From, string Port, string To, int Index)
{
    /// <summary>The default output port.</summary>
    public const string OutPort = "out";

    /// <summary>The JSON path of this edge.</summary>
    public string JsonPath => $"$.edges[{Index}]";
}
