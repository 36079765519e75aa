using System.Collections.Immutable;

namespace FlowCompiler.Generator.Binding;

/// <summary>The nodes connected to one output port, in edge order.</summary>
/// <param name="Port">The port.</param>
/// <param name="Children">The nodes it feeds.</param>
public sealed record BoundBranch(string Port, ImmutableArray<BoundNode> Children);
