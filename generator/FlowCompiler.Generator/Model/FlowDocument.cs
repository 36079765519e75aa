using System.Collections.Immutable;

namespace FlowCompiler.Generator.Model;

/// <summary>
/// A flow document (<c>flowc/1</c>) exactly as imported: nothing resolved, nothing dropped.
/// The binder turns it into a <see cref="FlowCompiler.Generator.Binding.BoundFlow"/>.
/// </summary>
/// <param name="Id">Flow id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">Optional free text.</param>
/// <param name="Nodes">Nodes in document order.</param>
/// <param name="Edges">Edges in document order.</param>
/// <param name="MetaJson">Free-form editor data as compact JSON, or null.</param>
public sealed record FlowDocument(
    string Id,
    string Name,
    string? Description,
    ImmutableArray<FlowNode> Nodes,
    ImmutableArray<FlowEdge> Edges,
    string? MetaJson)
{
    /// <summary>The only format version this compiler reads and writes.</summary>
    public const string Format = "flowc/1";
}
