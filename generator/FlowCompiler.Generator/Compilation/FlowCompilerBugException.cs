namespace FlowCompiler.Generator.Compilation;

/// <summary>
/// Roslyn rejected generated code. That is a bug in the emitter, never the admin's mistake: the flow is not
/// activated and the message names the node whose code failed.
/// </summary>
public sealed class FlowCompilerBugException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FlowCompilerBugException(string flowId, string? nodeId, string message)
        : base($"flowc bug: the generated code of flow \"{flowId}\"{(nodeId is null ? "" : $" (node \"{nodeId}\")")} does not compile: {message}")
    {
        FlowId = flowId;
        NodeId = nodeId;
    }

    /// <summary>The flow.</summary>
    public string FlowId { get; }

    /// <summary>The node whose code failed, when the error is inside one.</summary>
    public string? NodeId { get; }
}
