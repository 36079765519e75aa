namespace FlowCompiler.Runtime.Execution;

/// <summary>The outcome of a whole run.</summary>
public enum RunStatus
{
    /// <summary>No node failed.</summary>
    Succeeded,

    /// <summary>At least one node failed.</summary>
    Failed,
}
