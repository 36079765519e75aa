namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// The durable run queue: accepted runs are stored before the caller hears so, claimed by workers under leases,
/// and leave the queue when they finish. Several workers (threads, processes, panel nodes on one database) may claim
/// at once; each run is held by one worker at a time, and a worker whose lease ran out can no longer complete it
/// (it is fenced). This interface is the seam for a broker or a maintained queue library later.
/// </summary>
public interface IDurableRunQueue
{
    /// <summary>Stores the runs; returns once they are committed (with other callers' runs, in one commit: group commit).</summary>
    Task AcceptAsync(IReadOnlyList<QueuedRun> runs, CancellationToken ct);

    /// <summary>Claims up to <paramref name="max"/> runs that are due (new, retry time come, or lease run out), oldest first.</summary>
    Task<IReadOnlyList<ClaimedRun>> ClaimAsync(string worker, int max, TimeSpan lease, CancellationToken ct);

    /// <summary>Removes a finished run; false when <paramref name="worker"/> no longer holds it (its lease ran out and another claimed it).</summary>
    Task<bool> CompleteAsync(Guid runId, string worker, CancellationToken ct);

    /// <summary>Gives a failed attempt back: due again at <paramref name="retryAt"/>, or dead when that is null. False when fenced.</summary>
    Task<bool> FailAsync(Guid runId, string worker, string error, DateTimeOffset? retryAt, CancellationToken ct);

    /// <summary>Extends the lease of a run still running; false when fenced.</summary>
    Task<bool> RenewAsync(Guid runId, string worker, TimeSpan lease, CancellationToken ct);

    /// <summary>Runs that are queued or running, and dead ones.</summary>
    Task<(int Pending, int Dead)> CountAsync(CancellationToken ct);
}
