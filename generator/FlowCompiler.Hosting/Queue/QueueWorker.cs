using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// Works the durable run queue: claims due runs under a lease, runs each through <c>run</c>, and settles it:
/// finished runs leave the queue, transient failures come back after the <see cref="RetryPolicy"/>'s wait,
/// permanent ones and runs out of attempts are dead. A run whose lease was taken over meanwhile is dropped
/// (another worker has it). After a claim that found nothing due, the worker sleeps <see cref="Idle"/>.
/// Its logger is meant to be of category <see cref="Runtime.Configuration.FlowLogCategories.Queue"/>.
/// </summary>
public sealed partial class QueueWorker(
    IDurableRunQueue queue,
    Func<ClaimedRun, CancellationToken, Task<AttemptOutcome>> run,
    RetryPolicy retry,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>How many runs one claim takes.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>How long a claim holds its runs; a run still going at half of it has its lease renewed.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest sleep when nothing is due (events accepted by other processes are seen within it).</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>This worker's name in leases (unique per process and worker).</summary>
    public string Name { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Claims and runs until <paramref name="stop"/>; runs in flight finish first.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (await WorkOnceAsync(stop).ConfigureAwait(false) == 0)
            {
                try
                {
                    await Task.Delay(Idle, time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims one batch of due runs and settles each; returns how many it claimed.</summary>
    public async Task<int> WorkOnceAsync(CancellationToken ct)
    {
        var claimed = await queue.ClaimAsync(Name, BatchSize, Lease, ct).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            return 0;
        }

        // The batch's leases started together; the runs still waiting their turn keep theirs while earlier ones run.
        var unsettled = new ConcurrentDictionary<Guid, ClaimedRun>(claimed.Select(c => KeyValuePair.Create(c.Run.RunId, c)));
        using var done = new CancellationTokenSource();
        var renewal = RenewWhileAsync(unsettled, done.Token);
        foreach (var item in claimed)
        {
            await SettleAsync(item, await AttemptAsync(item).ConfigureAwait(false)).ConfigureAwait(false);
            unsettled.TryRemove(item.Run.RunId, out _);
        }

        await done.CancelAsync().ConfigureAwait(false);
        await renewal.ConfigureAwait(false);
        return claimed.Count;
    }

    private async Task RenewWhileAsync(ConcurrentDictionary<Guid, ClaimedRun> unsettled, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 2, time, done).ConfigureAwait(false);
                foreach (var id in unsettled.Keys)
                {
                    if (!await queue.RenewAsync(id, Name, Lease, done).ConfigureAwait(false))
                    {
                        LogFenced(logger, unsettled.TryGetValue(id, out var lost) ? lost.Run.FlowId : "?", id);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The batch is settled.
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
        bool held;
        switch (outcome)
        {
            case AttemptOutcome.TransientOutcome transient when retry.DelayAfter(item.Attempt, Random.Shared.NextDouble()) is { } wait:
                held = await queue.FailAsync(id, Name, transient.Error, time.GetUtcNow() + wait, CancellationToken.None).ConfigureAwait(false);
                LogRetry(logger, item.Run.FlowId, id, item.Attempt, wait, transient.Error);
                break;
            case AttemptOutcome.TransientOutcome transient:
                held = await queue.FailAsync(id, Name, transient.Error, null, CancellationToken.None).ConfigureAwait(false);
                LogDead(logger, item.Run.FlowId, id, item.Attempt, transient.Error);
                break;
            case AttemptOutcome.PermanentOutcome permanent:
                held = await queue.FailAsync(id, Name, permanent.Error, null, CancellationToken.None).ConfigureAwait(false);
                LogDead(logger, item.Run.FlowId, id, item.Attempt, permanent.Error);
                break;
            default:
                held = await queue.CompleteAsync(id, Name, CancellationToken.None).ConfigureAwait(false);
                break;
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
}
