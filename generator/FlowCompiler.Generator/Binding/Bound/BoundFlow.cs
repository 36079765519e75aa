using System.Collections.Immutable;

namespace FlowCompiler.Generator.Binding;

/// <summary>A flow after binding: the trigger and the tree below it.</summary>
/// <param name="Id">Flow id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Trigger">The trigger, root of the tree.</param>
/// <param name="Nodes">Every bound node in execution order (depth-first).</param>
public sealed record BoundFlow(string Id, string Name, BoundTrigger Trigger, ImmutableArray<BoundNode> Nodes);
