using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using FlowCompiler.Generator.Validation;
using FlowCompiler.Hosting.Dispatch;
using FlowCompiler.Hosting.Queue;
using FlowCompiler.Hosting.Records;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence.Ledger;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Hosting;

/// <summary>
/// The durable side of the host: queued events are stored in the run queue before <see cref="EnqueueAsync(string, object, CancellationToken)"/>
/// returns, and the host's <see cref="QueueWorker"/> runs them — each attempt with idempotency keys and the run ledger,
/// transient failures retried, the rest dead until replayed or re-run (docs/durable-runs.md).
/// </summary>
public sealed partial class FlowHost
{
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);
    private static readonly IReadOnlyDictionary<string, string?> NothingDone = new Dictionary<string, string?>();

    private readonly IDurableRunQueue _durable;
    private readonly RunLedger _ledger;
    private readonly TimeProvider _time;
    private readonly QueueWorker _worker;
    private readonly QueueSignal _signal = new();
    private readonly CancellationTokenSource _stopWorking = new();
    private readonly CancellationTokenSource _stopDeadline = new();
    private readonly ILogger _queueLog;

    // Versions that queued runs name but that no longer run (a newer one was published meanwhile), loaded once.
    private readonly ConcurrentDictionary<(string FlowId, int Version), Task<ActiveFlow?>> _earlierVersions = new();
    private Task<int>? _working;

    /// <inheritdoc />
    public ValueTask<int> EnqueueAsync(string eventName, object payload, CancellationToken ct = default)
    {
        var listeners = ListenersOf(eventName, payload);
        var first = FirstAccepting(listeners, payload);
        return first < 0 ? new ValueTask<int>(0) : AcceptAsync(listeners, first, eventName, payload, transaction: null, ct);
    }

    /// <inheritdoc />
    public ValueTask<int> EnqueueAsync(string eventName, object payload, DbTransaction transaction, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var listeners = ListenersOf(eventName, payload);
        var first = FirstAccepting(listeners, payload);
        return first < 0 ? new ValueTask<int>(0) : AcceptAsync(listeners, first, eventName, payload, transaction, ct);
    }

    /// <inheritdoc />
    public Task<(int Pending, int Dead)> CountQueuedRunsAsync(CancellationToken ct = default) => _durable.CountAsync(ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<QueuedRunRecord>> ReadDeadRunsAsync(int limit = 100, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return _durable.ReadDeadAsync(limit, ct);
    }

    /// <inheritdoc />
    public async Task<bool> ReplayAsync(Guid runId, CancellationToken ct = default)
    {
        var replayed = await _durable.ReplayAsync(runId, ct);
        _signal.Set();
        return replayed;
    }

    /// <inheritdoc />
    public async Task<Guid?> RerunAsync(Guid runId, CancellationToken ct = default)
    {
        var fresh = await _durable.RerunAsync(runId, ct);
        _signal.Set();
        return fresh;
    }

    /// <summary>
    /// Stops the host: no more raises, the queue worker takes no more runs, the runs in progress finish until
    /// <paramref name="deadline"/> is cancelled (the application's shutdown timeout), and the ones still going are handed
    /// back to the queue for the next start. Queued runs stay queued. Logs how many were left.
    /// </summary>
    /// <returns>How many runs were handed back unfinished.</returns>
    public async Task<int> StopAsync(CancellationToken deadline)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return 0;
        }

        await using var passed = deadline.Register(() => _stopDeadline.Cancel());
        await _stopWorking.CancelAsync();
        var handedBack = _working is { } working ? await working : 0;
        if (_durable is IAsyncDisposable queue)
        {
            await queue.DisposeAsync();
        }

        return handedBack;
    }

    /// <summary>Works the queue until nothing is queued, running or waiting for a retry (<c>flowc worker --drain</c>).</summary>
    public Task DrainQueueAsync(CancellationToken ct) => _worker.DrainAsync(ct);

    private void StartWorking()
    {
        if (!_options.WorkQueue)
        {
            return;
        }

        _working = Task.Run(async () =>
        {
            try
            {
                return await _worker.RunAsync(_stopWorking.Token, _stopDeadline.Token);
            }
            catch (Exception error)
            {
                LogWorkerFailed(_queueLog, error.Message);
                return 0;
            }
        });
    }

    private async ValueTask<int> AcceptAsync(ActiveFlow[] listeners, int first, string eventName, object payload, DbTransaction? transaction, CancellationToken ct)
    {
        // Filtering stays in memory: only the (event, flow version) pairs that accepted the event are stored.
        var eventId = Guid.NewGuid();
        var json = JsonSerializer.Serialize(payload, payload.GetType(), PayloadJson);
        var runs = new List<QueuedRun>(listeners.Length - first);
        for (var i = first; i < listeners.Length; i++)
        {
            if (i == first || listeners[i].Accepts(payload))
            {
                // Time-ordered like every run id of the host: the queue's and the records' key indexes grow at their end.
                runs.Add(new QueuedRun(Guid.CreateVersion7(), eventId, listeners[i].Id, listeners[i].Version, eventName, json));
            }
        }

        if (transaction is null)
        {
            await _durable.AcceptAsync(runs, ct);
            _signal.Set();
        }
        else
        {
            // Committed with the caller's own change, or not at all; a worker sees it within QueuePollInterval.
            await QueueRows.InsertAsync(transaction.Connection ?? throw new ArgumentException("The transaction has no connection: it was committed or rolled back already.", nameof(transaction)),
                transaction, runs, _time.GetUtcNow().ToUnixTimeMilliseconds());
        }

        return runs.Count;
    }

    // One attempt of a queued run: the version that accepted the event, the payload as it was queued, the ledger of what
    // earlier attempts did. The outcome decides retry or not from what the failed nodes threw.
    private async Task<AttemptOutcome> RunClaimedAsync(ClaimedRun claimed, CancellationToken ct)
    {
        var queued = claimed.Run;
        if (await VersionOfAsync(queued.FlowId, queued.FlowVersion, ct) is not { } flow)
        {
            return AttemptOutcome.Permanent($"Flow '{queued.FlowId}' v{queued.FlowVersion} is not stored or does not load any more; see the log of FlowCompiler.Loading.");
        }

        var index = DispatchTable.IndexOf(queued.EventName);
        object payload;
        try
        {
            payload = index < 0 ? throw new JsonException($"unknown event '{queued.EventName}'") : JsonSerializer.Deserialize(queued.Payload, FlowEvents.All[index].PayloadType, PayloadJson)!;
        }
        catch (JsonException error)
        {
            return AttemptOutcome.Permanent($"The queued event cannot be read: {error.Message}");
        }

        // A first claim has no ledger yet; a later one (a retry, or a run whose worker died) reads what was done.
        var done = claimed.Attempt > 1 ? await _ledger.ReadAsync(queued.RunId, ct) : NothingDone;
        var services = new LedgeredFlowServices(_services, queued.RunId, done, _ledger);
        var (run, faults) = await _runner.RunDurableAsync(flow, queued.EventName, payload, services, queued.RunId);
        var record = new RunRecordDraft(run, run.Failed ? PayloadRedactor.ToJson(payload) : null);
        if (!run.Failed)
        {
            return AttemptOutcome.Finished with { Record = record };
        }

        // A run cut short (its timeout) may pass; so may a node whose failure is transient. Nodes that failed for good
        // fail again on the retry, and their effects are not repeated.
        if (run.Error is not null)
        {
            return AttemptOutcome.Transient(run.Error) with { Record = record };
        }

        // The node that failed transiently decides the wait and the attempts, by its retry and its type's defaults.
        var transient = faults.FirstOrDefault(f => TransientFaults.IsTransient(f.Error));
        return transient is not null
            ? AttemptOutcome.Transient($"node {transient.NodeId}: {transient.Error.Message}", _retry.With(flow.Descriptor.RetryOf(transient.NodeId))) with { Record = record }
            : AttemptOutcome.Permanent(faults is [var fault, ..] ? $"node {fault.NodeId}: {fault.Error.Message}" : "failed") with { Record = record };
    }

    private Task<ActiveFlow?> VersionOfAsync(string flowId, int version, CancellationToken ct)
    {
        if (_table.Find(flowId) is { } active && active.Version == version)
        {
            return Task.FromResult<ActiveFlow?>(active);
        }

        var loading = _earlierVersions.GetOrAdd((flowId, version), key => LoadVersionAsync(key.FlowId, key.Version, ct));
        // A database that failed the load is tried again on the next attempt; a version that is not there stays not there.
        _ = loading.ContinueWith(t => _earlierVersions.TryRemove(new((flowId, version), t)), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return loading;
    }

    private async Task<ActiveFlow?> LoadVersionAsync(string flowId, int version, CancellationToken ct)
    {
        var stored = await _versions.FindAsync(flowId, version, ct);
        if (stored is null)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(stored.CanonicalJson);
        var validation = FlowValidator.Validate(bytes);
        if (validation.Flow is null)
        {
            return null;
        }

        var attempt = await CompileAsync(validation.Flow, bytes, flowId, ct);
        if (attempt.Flow is not { } compiled || _loader.LoadPublished(compiled, flowId, out _) is not { } loaded)
        {
            return null;
        }

        return ActiveFlow.Compiled(loaded, version, _options.MaxConcurrentRunsPerFlow);
    }

    [LoggerMessage(EventId = 1607, Level = LogLevel.Critical, Message = "The run queue's worker stopped: {Error}")]
    private static partial void LogWorkerFailed(ILogger logger, string error);
}
