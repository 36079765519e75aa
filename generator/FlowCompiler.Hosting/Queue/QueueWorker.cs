using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// Works the durable run queue: claims due runs under a lease, runs up to <see cref="MaxConcurrentRuns"/> of them at once
/// through <c>run</c>, and settles each: finished runs leave the queue, transient failures come back after the
/// <see cref="RetryPolicy"/>'s wait, permanent ones and runs out of attempts are dead. A claim takes no more runs of a
/// flow than its room under <see cref="MaxConcurrentRunsPerFlow"/>, so a slow flow never holds up the others' runs.
/// When nothing is due it waits for <see cref="Signal"/> (runs accepted here, a run finished), the next due retry or
/// lease, or at most <see cref="Idle"/> (runs accepted by other processes). A run whose lease was taken over meanwhile is
/// dropped (another worker has it). Its logger is meant to be of category <see cref="Runtime.Configuration.FlowLogCategories.Queue"/>.
/// </summary>
public sealed partial class QueueWorker(
    IDurableRunQueue queue,
    Func<ClaimedRun, CancellationToken, Task<AttemptOutcome>> run,
    RetryPolicy retry,
    TimeProvider time,
    ILogger logger)
{
    private readonly ConcurrentDictionary<Guid, ClaimedRun> _inHand = new();
    private readonly ConcurrentDictionary<string, int> _perFlow = new(StringComparer.Ordinal);

    /// <summary>How many runs one claim takes at most.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Runs in progress at once.</summary>
    public int MaxConcurrentRuns { get; init; } = 64;

    /// <summary>Runs of one flow in progress at once.</summary>
    public int MaxConcurrentRunsPerFlow { get; init; } = 16;

    /// <summary>How long a claim holds its runs; runs still going have their lease renewed every third of it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait when nothing is due (events accepted by other processes are seen within it).</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Wakes the worker when runs were accepted in this process.</summary>
    public QueueSignal Signal { get; init; } = new();

    /// <summary>This worker's name in leases (unique per process and worker).</summary>
    public string Name { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Runs this worker holds now.</summary>
    public int InHand => _inHand.Count;

    /// <summary>
    /// Claims and runs until <paramref name="stop"/>, then lets the runs in hand finish until <paramref name="deadline"/>
    /// is cancelled, and hands the ones still going back to the queue for the next start.
    /// </summary>
    /// <returns>How many runs were handed back unfinished.</returns>
    public Task<int> RunAsync(CancellationToken stop, CancellationToken deadline) => LoopAsync(stop, deadline, drain: false);

    /// <summary>Works the queue until nothing is queued, running or waiting for a retry, then returns.</summary>
    public Task DrainAsync(CancellationToken stop) => LoopAsync(stop, stop, drain: true);

    /// <summary>Claims one batch of due runs, runs them at once and settles each; returns how many it claimed.</summary>
    public async Task<int> WorkOnceAsync(CancellationToken ct)
    {
        var claimed = await ClaimAsync(ct).ConfigureAwait(false);
        await Task.WhenAll(claimed.Select(ExecuteAsync)).ConfigureAwait(false);
        return claimed.Count;
    }

    private async Task<int> LoopAsync(CancellationToken stop, CancellationToken deadline, bool drain)
    {
        var running = new ConcurrentDictionary<Task, bool>();
        using var renewing = new CancellationTokenSource();
        var renewal = RenewWhileAsync(renewing.Token);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var claimed = _inHand.Count < MaxConcurrentRuns ? await ClaimOrEmptyAsync(stop).ConfigureAwait(false) : [];
                foreach (var item in claimed)
                {
                    var task = ExecuteAsync(item);
                    running[task] = true;
                    _ = task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }

                if (claimed.Count > 0 && _inHand.Count < MaxConcurrentRuns)
                {
                    continue;
                }

                if (drain && _inHand.IsEmpty && await IsDrainedAsync(stop).ConfigureAwait(false))
                {
                    return 0;
                }

                // With runs in hand, what is due may be runs of flows at their limit: wait for one to finish.
                await WaitAsync(untilSignal: claimed.Count > 0 || !_inHand.IsEmpty, stop).ConfigureAwait(false);
            }

            return await FinishInHandAsync(running.Keys, deadline).ConfigureAwait(false);
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<ClaimedRun>> ClaimOrEmptyAsync(CancellationToken stop)
    {
        try
        {
            return await ClaimAsync(stop).ConfigureAwait(false);
        }
        catch (Exception error) when (!stop.IsCancellationRequested)
        {
            // A database that is down or locked: keep the runs in hand going and try again after the idle wait.
            LogClaimFailed(logger, error.Message);
            return [];
        }
        catch (OperationCanceledException)
        {
            return [];
        }
    }

    private async Task<IReadOnlyList<ClaimedRun>> ClaimAsync(CancellationToken ct)
    {
        var room = Math.Min(BatchSize, MaxConcurrentRuns - _inHand.Count);
        if (room <= 0)
        {
            return [];
        }

        var perFlow = new FlowRoom(MaxConcurrentRunsPerFlow, _perFlow.Where(p => p.Value > 0).ToDictionary(StringComparer.Ordinal));
        var claimed = await queue.ClaimAsync(Name, room, Lease, perFlow, ct).ConfigureAwait(false);
        var started = new List<ClaimedRun>(claimed.Count);
        foreach (var item in claimed)
        {
            // A run of ours whose lease ran out before its renewal got through (a busy database) comes back in the
            // claim: it is still running here, and the claim renewed its lease, so it is not started twice.
            if (_inHand.TryAdd(item.Run.RunId, item))
            {
                _perFlow.AddOrUpdate(item.Run.FlowId, 1, (_, n) => n + 1);
                started.Add(item);
            }
        }

        return started;
    }

    // Waits for a signal or the idle limit, and when nothing is in hand also for the next due retry or lease.
    private async Task WaitAsync(bool untilSignal, CancellationToken stop)
    {
        var wait = Idle;
        if (!untilSignal)
        {
            try
            {
                if (await queue.NextDueAsync(stop).ConfigureAwait(false) is { } due)
                {
                    var until = due - time.GetUtcNow();
                    wait = until < TimeSpan.Zero ? TimeSpan.Zero : until < Idle ? until : Idle;
                }
            }
            catch (Exception error) when (!stop.IsCancellationRequested)
            {
                LogClaimFailed(logger, error.Message);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        try
        {
            await Signal.WaitAsync(wait, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task<bool> IsDrainedAsync(CancellationToken ct)
    {
        try
        {
            return (await queue.CountAsync(ct).ConfigureAwait(false)).Pending == 0;
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            LogClaimFailed(logger, error.Message);
            return false;
        }
    }

    private async Task<int> FinishInHandAsync(ICollection<Task> running, CancellationToken deadline)
    {
        if (running.Count > 0)
        {
            LogStopping(logger, running.Count);
            try
            {
                await Task.WhenAll(running).WaitAsync(deadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown time is up: what still runs goes back to the queue below.
            }
        }

        var unfinished = _inHand.Keys.ToList();
        if (unfinished.Count > 0)
        {
            try
            {
                await queue.ReleaseAsync(unfinished, Name, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                // Not released: their leases run out and another worker (or the next start) claims them then.
                LogClaimFailed(logger, error.Message);
            }

            LogHandedBack(logger, unfinished.Count);
        }

        return unfinished.Count;
    }

    private async Task ExecuteAsync(ClaimedRun item)
    {
        try
        {
            await SettleAsync(item, await AttemptAsync(item).ConfigureAwait(false)).ConfigureAwait(false);
        }
        finally
        {
            _inHand.TryRemove(item.Run.RunId, out _);
            _perFlow.AddOrUpdate(item.Run.FlowId, 0, (_, n) => n - 1);
            Signal.Set();
        }
    }

    private async Task RenewWhileAsync(CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, time, done).ConfigureAwait(false);
                foreach (var (id, item) in _inHand)
                {
                    try
                    {
                        if (!await queue.RenewAsync(id, Name, Lease, done).ConfigureAwait(false))
                        {
                            LogFenced(logger, item.Run.FlowId, id);
                        }
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        LogClaimFailed(logger, error.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The worker stopped.
        }
    }

    // The attempt itself never sees the stop token: stopping lets a run in flight finish (its effects are not cut halfway).
    private async Task<AttemptOutcome> AttemptAsync(ClaimedRun item)
    {
        try
        {
            return await run(item, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // A run that throws is a bug or a fault we did not classify: retried, so a fixed deployment finishes it.
            return AttemptOutcome.Transient(error.Message);
        }
    }

    private async Task SettleAsync(ClaimedRun item, AttemptOutcome outcome)
    {
        var id = item.Run.RunId;
        RunSettlement settlement;
        switch (outcome)
        {
            case AttemptOutcome.TransientOutcome transient when (transient.Retry ?? retry).DelayAfter(item.Attempt, Random.Shared.NextDouble()) is { } wait:
                settlement = new RunSettlement(id, Name, time.GetUtcNow() + wait, transient.Error, null);
                LogRetry(logger, item.Run.FlowId, id, item.Attempt, wait, transient.Error);
                break;
            case AttemptOutcome.TransientOutcome transient:
                settlement = new RunSettlement(id, Name, null, transient.Error, outcome.Record);
                LogDead(logger, item.Run.FlowId, id, item.Attempt, transient.Error);
                break;
            case AttemptOutcome.PermanentOutcome permanent:
                settlement = new RunSettlement(id, Name, null, permanent.Error, outcome.Record);
                LogDead(logger, item.Run.FlowId, id, item.Attempt, permanent.Error);
                break;
            default:
                settlement = new RunSettlement(id, Name, null, null, outcome.Record);
                break;
        }

        bool held;
        try
        {
            held = await queue.SettleAsync(settlement, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // Not settled: the lease runs out and the run is claimed again; its ledger skips what it already did.
            LogSettleFailed(logger, item.Run.FlowId, id, error.Message);
            return;
        }

        if (!held)
        {
            LogFenced(logger, item.Run.FlowId, id);
        }
    }

    [LoggerMessage(EventId = 1600, Level = LogLevel.Warning, Message = "Run {RunId} of flow {FlowId} failed on attempt {Attempt}; retrying in {Wait}: {Error}")]
    private static partial void LogRetry(ILogger logger, string flowId, Guid runId, int attempt, TimeSpan wait, string error);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Error, Message = "Run {RunId} of flow {FlowId} is dead after attempt {Attempt}: {Error}")]
    private static partial void LogDead(ILogger logger, string flowId, Guid runId, int attempt, string error);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Run {RunId} of flow {FlowId} was taken over by another worker after its lease ran out; this worker's result is dropped")]
    private static partial void LogFenced(ILogger logger, string flowId, Guid runId);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "The run queue cannot be read or written now; retrying: {Error}")]
    private static partial void LogClaimFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Warning, Message = "Run {RunId} of flow {FlowId} ran, but settling it failed; it is claimed again when its lease runs out: {Error}")]
    private static partial void LogSettleFailed(ILogger logger, string flowId, Guid runId, string error);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Information, Message = "Stopping: taking no more queued runs, waiting for the {Count} in progress")]
    private static partial void LogStopping(ILogger logger, int count);

    [LoggerMessage(EventId = 1606, Level = LogLevel.Warning, Message = "Stopped with {Count} runs unfinished; they stay queued for the next start")]
    private static partial void LogHandedBack(ILogger logger, int count);
}
