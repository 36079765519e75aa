namespace FlowCompiler.Generator.Compilation;

/// <summary>
/// Roslyn rejected generated code, or the compiled code reaches outside the allow-lists. That is a bug in the
/// emitter, never the admin's mistake: the flow is not activated, the message names the node whose code failed
/// and says what to do, and the full compiler output stays in <see cref="Diagnostics"/> for the log.
/// </summary>
public sealed class FlowCompilerBugException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="flowId">The flow whose code failed.</param>
    /// <param name="nodeId">The node whose code failed, when the error is inside one.</param>
    /// <param name="reason">One line: the first error.</param>
    /// <param name="diagnostics">Every compiler diagnostic, for the log.</param>
    public FlowCompilerBugException(string flowId, string? nodeId, string reason, IReadOnlyList<string>? diagnostics = null)
        : base($"flowc bug: the generated code of flow \"{flowId}\"{(nodeId is null ? "" : $" (node \"{nodeId}\")")} was rejected, so the flow was not activated. "
            + $"This is not a mistake in the flow: please report it with the flow's JSON. Cause: {reason}")
    {
        FlowId = flowId;
        NodeId = nodeId;
        Reason = reason;
        Diagnostics = diagnostics ?? [reason];
    }

    /// <summary>The flow.</summary>
    public string FlowId { get; }

    /// <summary>The node whose code failed, when the error is inside one.</summary>
    public string? NodeId { get; }

    /// <summary>The first error, in one line.</summary>
    public string Reason { get; }

    /// <summary>Every diagnostic the compiler or the audit reported, for the log; never shown to the admin as is.</summary>
    public IReadOnlyList<string> Diagnostics { get; }
}
