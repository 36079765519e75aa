namespace FlowCompiler.Runtime.Persistence.Records;

/// <summary>The record of one run of a flow (spec §6). Table <c>runs</c>, its nodes in the JSON column <c>nodes</c>.</summary>
public sealed class RunRecord
{
    /// <summary>The run id.</summary>
    public Guid Id { get; set; }

    /// <summary>The flow that ran.</summary>
    public string FlowId { get; set; } = "";

    /// <summary>The version of the flow that ran.</summary>
    public int FlowVersion { get; set; }

    /// <summary>The event that started the run (<c>server.created</c>).</summary>
    public string EventName { get; set; } = "";

    /// <summary>Succeeded, or failed when any node failed.</summary>
    public Execution.RunStatus Status { get; set; }

    /// <summary>Whether this was a dry run (no action performed, spec §6).</summary>
    public bool DryRun { get; set; }

    /// <summary>Whether the reference interpreter ran it (tiered activation: the flow was still compiling), not the compiled flow.</summary>
    public bool Interpreted { get; set; }

    /// <summary>When the run started (UTC).</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>Wall time of the run in milliseconds.</summary>
    public double DurationMs { get; set; }

    /// <summary>Why the run as a whole failed (e.g. the flow could not be loaded), or null; node errors are on the nodes.</summary>
    public string? Error { get; set; }

    /// <summary>The event's data as JSON, kept for failed runs only, redacted by the host before it is written.</summary>
    public string? EventPayload { get; set; }

    /// <summary>What the actions sent (or would have sent), as the JSON array of spec §7's <c>effects</c>, or null.</summary>
    public string? EffectsJson { get; set; }

    /// <summary>Every node of the flow, in execution order.</summary>
    public List<RunNodeRecord> Nodes { get; set; } = [];
}
