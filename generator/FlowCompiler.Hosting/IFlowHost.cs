using FlowCompiler.Hosting.Publishing;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Persistence.Records;

namespace FlowCompiler.Hosting;

/// <summary>
/// What a panel calls on the embedded engine: raise events, publish flows, read run records. Registered by
/// <c>AddFlowCompiler</c> (the implementation is <see cref="FlowHost"/>), so a panel's tests can replace it with a fake.
/// Typed overloads for the events of <see cref="FlowEvents"/> are extension methods (<see cref="FlowHostEventExtensions"/>).
/// </summary>
public interface IFlowHost
{
    /// <summary>
    /// Completes when start-up has finished (the published flows are loaded, the publish folder is published) with
    /// what it did, or fails with the start-up error. Raising before that throws.
    /// </summary>
    Task<StartupSummary> Ready { get; }

    /// <summary>Whether start-up has finished and events can be raised.</summary>
    bool IsReady { get; }

    /// <summary>The flows running now: id, version, event and tier (interpreted while it compiles), by event then publishing order.</summary>
    IReadOnlyList<(string FlowId, int Version, string EventName, FlowTier Tier)> Active { get; }

    /// <summary>
    /// Runs every published flow listening to <paramref name="eventName"/> and waits for them; returns their
    /// records (empty, without allocating, when no flow accepts the event). Runs never throw into the caller:
    /// failures are in the records.
    /// </summary>
    /// <param name="eventName">The event, e.g. <c>account.login</c> (<see cref="FlowEvents"/> names them all).</param>
    /// <param name="payload">The payload, of the event's type (<see cref="UserEvent"/> for <c>account.login</c>).</param>
    /// <param name="ct">
    /// Stops waiting for the runs (an <see cref="OperationCanceledException"/>); the runs go on to their end and are recorded
    /// (<see cref="RunCancellation.StopWaiting"/>), so a request's token that fires when its client goes away cuts no effect halfway.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="eventName"/> or <paramref name="payload"/> is null.</exception>
    /// <exception cref="ArgumentException">The event is unknown, or the payload is not of its type.</exception>
    /// <exception cref="InvalidOperationException">Start-up has not finished (<see cref="Ready"/>), or it failed.</exception>
    ValueTask<IReadOnlyList<CompletedRun>> RaiseAsync(string eventName, object payload, CancellationToken ct = default);

    /// <summary>As <see cref="RaiseAsync(string, object, CancellationToken)"/>, with what cancelling <paramref name="ct"/> means.</summary>
    /// <param name="eventName">The event.</param>
    /// <param name="payload">The payload, of the event's type.</param>
    /// <param name="onCancel">Stop waiting only, or cancel the runs too (they are then recorded as cancelled by the caller).</param>
    /// <param name="ct">The token.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventName"/> or <paramref name="payload"/> is null.</exception>
    /// <exception cref="ArgumentException">The event is unknown, or the payload is not of its type.</exception>
    /// <exception cref="InvalidOperationException">Start-up has not finished (<see cref="Ready"/>), or it failed.</exception>
    ValueTask<IReadOnlyList<CompletedRun>> RaiseAsync(string eventName, object payload, RunCancellation onCancel, CancellationToken ct);

    /// <summary>
    /// Stores the runs of every flow accepting the event in the durable run queue and returns once they are committed,
    /// with how many were queued (0, without touching the database, when no flow accepts it). From then on the runs
    /// happen even if the process dies: the host works the queue in the background, retries transient failures and
    /// resumes unfinished runs at the next start, without repeating the effects they already had (docs/durable-runs.md).
    /// </summary>
    /// <param name="eventName">The event, e.g. <c>server.created</c>.</param>
    /// <param name="payload">The payload, of the event's type.</param>
    /// <param name="ct">Stops waiting for the commit; runs already handed to the queue's writer may still be committed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventName"/> or <paramref name="payload"/> is null.</exception>
    /// <exception cref="ArgumentException">The event is unknown, or the payload is not of its type.</exception>
    /// <exception cref="InvalidOperationException">Start-up has not finished (<see cref="Ready"/>), it failed, or the host has stopped.</exception>
    /// <exception cref="Runtime.Persistence.PanelDatabaseException">The database could not store the runs; nothing was queued.</exception>
    ValueTask<int> EnqueueAsync(string eventName, object payload, CancellationToken ct = default);

    /// <summary>
    /// Queues the event's runs inside the panel's own transaction (a transactional outbox): they are queued if and only if
    /// that transaction commits. The transaction must be on the panel database the engine uses. A worker sees the runs
    /// within <see cref="FlowHostOptions.QueuePollInterval"/> after the commit.
    /// </summary>
    /// <param name="eventName">The event.</param>
    /// <param name="payload">The payload, of the event's type.</param>
    /// <param name="transaction">The panel's open transaction on the panel database.</param>
    /// <param name="ct">Cancels the insert.</param>
    ValueTask<int> EnqueueAsync(string eventName, object payload, System.Data.Common.DbTransaction transaction, CancellationToken ct = default);

    /// <summary>Runs in the durable queue: queued, running or waiting for a retry (pending), and dead.</summary>
    Task<(int Pending, int Dead)> CountQueuedRunsAsync(CancellationToken ct = default);

    /// <summary>Dead runs (out of attempts, or failed for good), newest first, with their last error.</summary>
    Task<IReadOnlyList<QueuedRunRecord>> ReadDeadRunsAsync(int limit = 100, CancellationToken ct = default);

    /// <summary>
    /// Resumes a dead run with its id and idempotency keys: the nodes whose effects are in its ledger are not done again.
    /// False when no dead run has the id.
    /// </summary>
    Task<bool> ReplayAsync(Guid runId, CancellationToken ct = default);

    /// <summary>Replaces a dead run by a fresh run of the same event and flow version, with new keys (every effect again); the new id, or null.</summary>
    Task<Guid?> RerunAsync(Guid runId, CancellationToken ct = default);

    /// <summary>
    /// Publishes a flow: validate, compile (or take it from the cache), store it as a new version, and swap it
    /// in for the next raise. Runs in flight finish on the version they started on. A publish that fails
    /// changes nothing that runs and returns the diagnostics.
    /// </summary>
    Task<PublishResult> PublishAsync(ReadOnlyMemory<byte> flowJson, CancellationToken ct = default);

    /// <summary>Publishes a flow as <see cref="PublishAsync(ReadOnlyMemory{byte}, CancellationToken)"/> does, recording who published it.</summary>
    /// <param name="flowJson">The flow (spec §1).</param>
    /// <param name="actor">Who publishes, stored on the new version (the editor passes its signed-in user); null for nobody in particular.</param>
    /// <param name="ct">Cancels the publish.</param>
    Task<PublishResult> PublishAsync(ReadOnlyMemory<byte> flowJson, string? actor, CancellationToken ct = default);

    /// <summary>Stops running a flow; its versions stay stored, so it can be rolled back later.</summary>
    /// <returns>Whether the flow was published.</returns>
    Task<bool> UnpublishAsync(string flowId, CancellationToken ct = default);

    /// <summary>Publishes an earlier stored version of a flow again (no new version is created).</summary>
    Task<PublishResult> RollbackAsync(string flowId, int version, CancellationToken ct = default);

    /// <summary>Every stored version of every flow.</summary>
    Task<IReadOnlyList<StoredFlowVersion>> ListAsync(CancellationToken ct = default);

    /// <summary>A version of a flow as canonical JSON: the given version, else the newest; null when there is none.</summary>
    Task<string?> ExportAsync(string flowId, int? version = null, CancellationToken ct = default);

    /// <summary>Recorded runs, newest first, with their nodes: all, one flow's, or only failed ones.</summary>
    /// <param name="flowId">Only this flow's runs; null for every flow.</param>
    /// <param name="failedOnly">Only runs that failed.</param>
    /// <param name="limit">At most this many runs (at least 1).</param>
    /// <param name="ct">Cancels the read.</param>
    Task<IReadOnlyList<RunRecord>> ReadRunsAsync(string? flowId = null, bool failedOnly = false, int limit = 100, CancellationToken ct = default);

    /// <summary>Waits until the records of every run finished so far are in the database.</summary>
    Task FlushRecordsAsync(CancellationToken ct = default);
}
