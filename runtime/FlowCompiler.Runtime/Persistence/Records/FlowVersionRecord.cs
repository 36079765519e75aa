namespace FlowCompiler.Runtime.Persistence.Records;

/// <summary>One version of a flow as it was saved: the canonical JSON and whether it is the published one. Table <c>flowVersions</c>.</summary>
public sealed class FlowVersionRecord
{
    /// <summary>The flow id (<c>[a-z0-9][a-z0-9-]{0,63}</c>).</summary>
    public string FlowId { get; set; } = "";

    /// <summary>The version, counting from 1 per flow.</summary>
    public int Version { get; set; }

    /// <summary>The flow's display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The event the flow's trigger names (<c>server.created</c>), so a raised event finds its flows without parsing JSON.</summary>
    public string TriggerEvent { get; set; } = "";

    /// <summary>The canonical export of the flow (spec §1).</summary>
    public string CanonicalJson { get; set; } = "";

    /// <summary>Whether this version is the one that runs when its event is raised.</summary>
    public bool Published { get; set; }

    /// <summary>SHA-256 of the canonical JSON, lower-case hex: the compile cache key's flow part.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>When this version was last saved (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>When this version was stored (UTC): its publish.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Who stored this version, or null when the host published it on its own (the CLI, start-up, a panel call without an actor).</summary>
    public string? CreatedBy { get; set; }
}
