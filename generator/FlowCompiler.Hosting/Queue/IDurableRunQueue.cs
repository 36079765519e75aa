using FlowCompiler.Runtime.Persistence.Records;

namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// The durable run queue: accepted runs are stored before the caller hears so, claimed by workers under leases,
/// and leave the queue when they finish. Several workers (threads, processes, panel nodes on one database) may claim
/// at once; each run is held by one worker at a time, and a worker whose lease ran out can no longer settle it
/// (it is fenced). This interface is the seam for a broker or a maintained queue library later.
/// </summary>
public interface IDurableRunQueue
{
    /// <summary>Stores the runs; returns once they are committed (with other callers' runs, in one commit: group commit).</summary>
    Task AcceptAsync(IReadOnlyList<QueuedRun> runs, CancellationToken ct);

    /// <summary>
    /// Claims up to <paramref name="max"/> runs that are due (new, retry time come, or lease run out), oldest first,
    /// and of each flow no more than <paramref name="room"/> leaves (its concurrency limit on this worker).
    /// </summary>
    Task<IReadOnlyList<ClaimedRun>> ClaimAsync(string worker, int max, TimeSpan lease, FlowRoom room, CancellationToken ct);

    /// <summary>Settles a claimed run (finished, retry, dead); false when its worker no longer holds it (fenced).</summary>
    Task<bool> SettleAsync(RunSettlement settlement, CancellationToken ct);

    /// <summary>Extends the lease of a run still running; false when fenced.</summary>
    Task<bool> RenewAsync(Guid runId, string worker, TimeSpan lease, CancellationToken ct);

    /// <summary>Hands runs a stopping worker holds back to the queue, due at once, for the next worker or start.</summary>
    Task ReleaseAsync(IReadOnlyCollection<Guid> runIds, string worker, CancellationToken ct);

    /// <summary>When the next queued run is due (a waiting retry, or a lease that runs out), or null when none waits.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken ct);

    /// <summary>Runs that are queued or running, and dead ones.</summary>
    Task<(int Pending, int Dead)> CountAsync(CancellationToken ct);

    /// <summary>Dead runs, newest first.</summary>
    Task<IReadOnlyList<QueuedRunRecord>> ReadDeadAsync(int limit, CancellationToken ct);

    /// <summary>One run in the queue (any state), or null when it is not there (it finished, or never was).</summary>
    Task<QueuedRunRecord?> FindAsync(Guid runId, CancellationToken ct);

    /// <summary>
    /// Queues a dead run again with its id, so its idempotency keys and its ledger stay and finished effects are skipped;
    /// its record goes (the run is recorded again when it ends). False when no dead run has the id.
    /// </summary>
    Task<bool> ReplayAsync(Guid runId, CancellationToken ct);

    /// <summary>
    /// Replaces a dead run by a fresh one on the same event and flow version, with a new id (so new idempotency keys:
    /// every effect happens again); returns the new id, or null when no dead run has <paramref name="runId"/>.
    /// </summary>
    Task<Guid?> RerunAsync(Guid runId, CancellationToken ct);
}
