using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Runtime.Persistence.Records;

/// <summary>One node's record in a run (spec §6). Table <c>runNodes</c>.</summary>
public sealed class RunNodeRecord
{
    /// <summary>The run.</summary>
    public Guid RunId { get; set; }

    /// <summary>The node's place in execution order, from 0.</summary>
    public int Ordinal { get; set; }

    /// <summary>The node id.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>Succeeded, failed or skipped.</summary>
    public NodeStatus Status { get; set; }

    /// <summary>The port a filter took (<c>true</c>/<c>false</c>), or null.</summary>
    public string? Port { get; set; }

    /// <summary>How long the node itself ran, in milliseconds.</summary>
    public double DurationMs { get; set; }

    /// <summary>Why the node failed, or null.</summary>
    public string? Error { get; set; }

    /// <summary>Creates the record of <paramref name="node"/>, the <paramref name="ordinal"/>-th node of a run.</summary>
    public static RunNodeRecord From(NodeResult node, int ordinal) => new()
    {
        Ordinal = ordinal,
        NodeId = node.Id,
        Status = node.Status,
        Port = node.Port,
        DurationMs = node.Duration.TotalMilliseconds,
        Error = node.Error,
    };
}
