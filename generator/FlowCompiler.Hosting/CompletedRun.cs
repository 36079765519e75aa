using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Hosting;

/// <summary>One finished run of one flow version, as the host records it (spec §6).</summary>
/// <param name="RunId">Unique per run.</param>
/// <param name="FlowId">The flow id.</param>
/// <param name="Version">The flow version that ran: the one active when the run started.</param>
/// <param name="EventName">The event that started the run.</param>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="Result">Per node status, port, duration and error, and the effects.</param>
/// <param name="Error">
/// Why the run as a whole stopped early (timeout, cancellation, a fault outside any node), or null when
/// it ran to its end; node errors are in <paramref name="Result"/>.
/// </param>
public sealed record CompletedRun(Guid RunId, string FlowId, int Version, string EventName, DateTimeOffset StartedAt, RunResult Result, string? Error)
{
    /// <summary>Whether the run failed: a node failed, or the run stopped early (which fails the run too).</summary>
    public bool Failed => Result.Status == RunStatus.Failed;

    /// <summary>Which code ran: the compiled flow, or the reference interpreter while it compiled.</summary>
    public FlowTier Tier { get; init; } = FlowTier.Compiled;
}
