using FlowCompiler.Runtime.Persistence.Records;

namespace FlowCompiler.Editor.Api;

/// <summary>A recorded run: its outcome and every node's status, port, duration and error.</summary>
/// <param name="Id">The run id.</param>
/// <param name="FlowId">The flow.</param>
/// <param name="Version">The version that ran.</param>
/// <param name="Event">The event it ran on.</param>
/// <param name="Status"><c>succeeded</c> or <c>failed</c>.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="DurationMs">How long it took.</param>
/// <param name="Error">Why the run as a whole stopped early (a timeout), or null.</param>
/// <param name="HasEvent">Whether the run kept its event (failed runs do, redacted), so it can be dry-run again.</param>
/// <param name="Nodes">Every node, in execution order; empty in a list of runs.</param>
/// <param name="Tier"><c>compiled</c>, or <c>interpreted</c> when the interpreter ran it while the flow compiled.</param>
public sealed record RunSummary(
    Guid Id, string FlowId, int Version, string Event, string Status, DateTimeOffset StartedAt, double DurationMs, string? Error, bool HasEvent, IReadOnlyList<NodeOutcome> Nodes, string Tier)
{
    internal static RunSummary From(RunRecord run, bool withNodes) => new(
        run.Id, run.FlowId, run.FlowVersion, run.EventName, NodeOutcome.Name(run.Status), new DateTimeOffset(DateTime.SpecifyKind(run.StartedAt, DateTimeKind.Utc)),
        run.DurationMs, run.Error, run.EventPayload is not null,
        withNodes ? [.. run.Nodes.Select(n => new NodeOutcome(n.NodeId, NodeOutcome.Name(n.Status), n.Port, n.DurationMs, n.Error))] : [],
        run.Interpreted ? "interpreted" : "compiled");
}
