namespace FlowCompiler.Runtime.Persistence.Records;

/// <summary>
/// One effect a durable run has done: table <c>runLedger</c>, keyed by the effect's idempotency key. A resumed or
/// replayed run finds its finished effects here and does not do them again; <see cref="Output"/> is what the rest of
/// the run needs from the node (an IPAM allocation, a ticket id, a REST answer). Tickets and IPAM allocations write
/// their row in the same transaction as their panel rows, so they happen exactly once.
/// </summary>
public sealed class RunLedgerRecord
{
    /// <summary>The idempotency key (<see cref="Execution.IdempotencyKeys"/>): the same on every attempt of the run.</summary>
    public string Key { get; set; } = "";

    /// <summary>The durable run.</summary>
    public Guid RunId { get; set; }

    /// <summary>The node whose effect this is.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>The node's output as JSON, or null when it has none the run reads (a webhook, a mail).</summary>
    public string? Output { get; set; }

    /// <summary>When the effect was recorded (Unix milliseconds, UTC).</summary>
    public long RecordedAt { get; set; }
}
