namespace FlowCompiler.Runtime.Execution;

/// <summary>What happened to one node in a run (spec §6).</summary>
public enum NodeStatus
{
    /// <summary>Did not run: a filter chose the other port, or a node above failed.</summary>
    Skipped,

    /// <summary>Ran to the end.</summary>
    Succeeded,

    /// <summary>Threw, timed out, or got a non-2xx answer; its subtree was skipped.</summary>
    Failed,
}
