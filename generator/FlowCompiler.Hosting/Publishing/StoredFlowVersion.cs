namespace FlowCompiler.Hosting.Publishing;

/// <summary>One version of a flow in the flows table.</summary>
/// <param name="FlowId">The flow id.</param>
/// <param name="Version">1 for the first publish, then one more per changed publish.</param>
/// <param name="Name">The flow's display name.</param>
/// <param name="EventName">The event its trigger names.</param>
/// <param name="CanonicalJson">The flow as canonical JSON (what export returns).</param>
/// <param name="ContentHash">The compile cache key of this version.</param>
/// <param name="Published">Whether this is the version that runs; at most one per flow.</param>
/// <param name="UpdatedAt">When the version was stored or last published or unpublished.</param>
/// <param name="CreatedAt">When the version was stored.</param>
/// <param name="CreatedBy">Who published it first, or null when no actor was named (the CLI, start-up).</param>
public sealed record StoredFlowVersion(
    string FlowId, int Version, string Name, string EventName, string CanonicalJson, string ContentHash, bool Published, DateTimeOffset UpdatedAt,
    DateTimeOffset CreatedAt, string? CreatedBy);
