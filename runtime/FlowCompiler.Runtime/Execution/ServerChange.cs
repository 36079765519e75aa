namespace FlowCompiler.Runtime.Execution;

/// <summary>The change a <c>modifyServer</c> node applies.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="ServerId">The panel server id.</param>
/// <param name="Component">general, network or ha.</param>
/// <param name="Action">The action, e.g. <c>changeVlanTag</c>.</param>
/// <param name="Values">
/// The action's values in canonical order: an <see cref="int"/> for whole numbers (<c>tag</c>, <c>maxRelocates</c>…),
/// a <see cref="decimal"/> for <c>rate</c>, otherwise the rendered <see cref="string"/>; effects show numbers as numbers.
/// </param>
public sealed record ServerChange(string NodeId, int ServerId, string Component, string Action, IReadOnlyList<KeyValuePair<string, object>> Values)
    : ActionRequest(NodeId)
{
    /// <inheritdoc />
    public override string Type => "modifyServer";

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, object?>> Parameters =>
        [new("serverId", ServerId), new("component", Component), new("action", Action), new("values", Values)];
}
