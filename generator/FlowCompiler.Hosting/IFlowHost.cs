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

    /// <summary>The flows running now: id, version and event, by event then publishing order.</summary>
    IReadOnlyList<(string FlowId, int Version, string EventName)> Active { get; }

    /// <summary>Runs waiting in the background queue.</summary>
    int QueuedRuns { get; }

    /// <summary>
    /// Runs every published flow listening to <paramref name="eventName"/> and waits for them; returns their
    /// records (empty, without allocating, when no flow accepts the event). Runs never throw into the caller:
    /// failures are in the records.
    /// </summary>
    /// <param name="eventName">The event, e.g. <c>account.login</c> (<see cref="FlowEvents"/> names them all).</param>
    /// <param name="payload">The payload, of the event's type (<see cref="UserEvent"/> for <c>account.login</c>).</param>
    /// <param name="ct">Cancels waiting for the runs; the runs are cancelled too and recorded as such.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventName"/> or <paramref name="payload"/> is null.</exception>
    /// <exception cref="ArgumentException">The event is unknown, or the payload is not of its type.</exception>
    /// <exception cref="InvalidOperationException">Start-up has not finished (<see cref="Ready"/>), or it failed.</exception>
    ValueTask<IReadOnlyList<CompletedRun>> RaiseAsync(string eventName, object payload, CancellationToken ct = default);

    /// <summary>
    /// Hands the runs of every flow accepting the event to the background queue and returns once they are
    /// queued, with how many were. When the queue is full it waits up to
    /// <see cref="FlowHostOptions.QueueFullWait"/>, then throws <see cref="FlowQueueFullException"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="eventName"/> or <paramref name="payload"/> is null.</exception>
    /// <exception cref="ArgumentException">The event is unknown, or the payload is not of its type.</exception>
    /// <exception cref="InvalidOperationException">Start-up has not finished (<see cref="Ready"/>), or it failed.</exception>
    ValueTask<int> EnqueueAsync(string eventName, object payload, CancellationToken ct = default);

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
