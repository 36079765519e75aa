using System.Text.Json.Serialization;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Runtime.Persistence.Records;

/// <summary>
/// One node's record in a run (spec §6): an element of the JSON array in the <c>nodes</c> column of <c>runs</c>,
/// written and read by <see cref="RunNodesJson"/>.
/// </summary>
public sealed class RunNodeRecord
{
    /// <summary>The node id.</summary>
    [JsonPropertyName("id")]
    public string NodeId { get; set; } = "";

    /// <summary>Succeeded, failed or skipped.</summary>
    public NodeStatus Status { get; set; }

    /// <summary>The port a filter took (<c>true</c>/<c>false</c>), or null.</summary>
    public string? Port { get; set; }

    /// <summary>How long the node itself ran, in milliseconds.</summary>
    public double DurationMs { get; set; }

    /// <summary>Why the node failed, or null.</summary>
    public string? Error { get; set; }

    /// <summary>Creates the record of <paramref name="node"/>.</summary>
    public static RunNodeRecord From(NodeResult node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new()
        {
            NodeId = node.Id,
            Status = node.Status,
            Port = node.Port,
            DurationMs = node.Duration.TotalMilliseconds,
            Error = node.Error,
        };
    }
}
