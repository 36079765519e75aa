namespace FlowCompiler.Generator.Interpretation;

/// <summary>
/// The values of one interpreted run: the payload, and per node (by its index in execution order) its
/// <c>as</c> output or, for a filter that narrowed an array, the matching element. Each node runs at most
/// once and reads only the nodes on its path, which ran before it, so one slot per node is enough.
/// </summary>
internal sealed class RunValues(object payload, int nodeCount)
{
    public object Payload { get; } = payload;

    public object?[] Nodes { get; } = new object?[nodeCount];
}
