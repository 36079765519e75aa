namespace FlowCompiler.Runtime.Execution;

/// <summary>A node that failed in a run, and what it threw.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Error">The exception the node's work ended with.</param>
public sealed record NodeFault(string NodeId, Exception Error);
