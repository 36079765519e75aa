namespace FlowCompiler.Runtime.Execution;

/// <summary>What a compiled flow says about itself: its id, its trigger, and its nodes in execution order.</summary>
/// <param name="FlowId">The flow id.</param>
/// <param name="EventName">The event that triggers it, e.g. <c>server.created</c>.</param>
/// <param name="NodeIds">Every node id, depth-first in execution order; generated code addresses nodes by index in this list.</param>
public sealed record FlowDescriptor(string FlowId, string EventName, IReadOnlyList<string> NodeIds);
