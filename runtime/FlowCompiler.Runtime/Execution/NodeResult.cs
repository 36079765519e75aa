namespace FlowCompiler.Runtime.Execution;

/// <summary>One node's record in a run.</summary>
/// <param name="Id">The node id.</param>
/// <param name="Status">What happened.</param>
/// <param name="Port">The port a filter took (<c>true</c>/<c>false</c>), or null.</param>
/// <param name="Duration">How long the node itself ran (its children excluded).</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record NodeResult(string Id, NodeStatus Status, string? Port, TimeSpan Duration, string? Error);
