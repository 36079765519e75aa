using FlowCompiler.Hosting.Queue;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Records;
using FlowCompiler.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowCompiler.Tests.Hosting.Queue;

/// <summary>The queue's worker: finished runs leave, transient failures come back after the backoff, the rest die; a taken-over run is dropped.</summary>
public sealed class QueueWorkerTests
{
    private static readonly RetryPolicy TwoAttempts = new() { MaxAttempts = 2, InitialDelay = TimeSpan.FromSeconds(2), Jitter = 0 };

    [Fact]
    public void The_backoff_grows_by_its_multiplier_up_to_its_cap_with_jitter_below_the_full_wait()
    {
        var policy = new RetryPolicy { MaxAttempts = 6, InitialDelay = TimeSpan.FromSeconds(2), Multiplier = 4, MaxDelay = TimeSpan.FromMinutes(1), Jitter = 0.2 };

        Assert.Equal(TimeSpan.FromSeconds(2), policy.DelayAfter(1, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(8), policy.DelayAfter(2, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(32), policy.DelayAfter(3, random: 0));
        Assert.Equal(TimeSpan.FromMinutes(1), policy.DelayAfter(4, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(6.4), policy.DelayAfter(2, random: 1));
        Assert.Null(policy.DelayAfter(6, random: 0));
    }

    [Fact]
    public async Task Each_outcome_settles_its_run()
    {
        await using var database = await TestPanelDatabase.CreateAsync(PanelDatabaseProvider.Sqlite);
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var queue = new PanelDurableRunQueue(database.Factory, clock);
        QueuedRun finished = Run("finished"), flaky = Run("flaky"), broken = Run("broken"), throws = Run("throws");
        await queue.AcceptAsync([finished, flaky, broken, throws], CancellationToken.None);
        var attempts = new List<string>();
        var worker = new QueueWorker(queue, (claimed, _) =>
        {
            attempts.Add($"{claimed.Run.FlowId}#{claimed.Attempt}");
            return claimed.Run.FlowId switch
            {
                "finished" => Task.FromResult(AttemptOutcome.Finished),
                "flaky" => Task.FromResult(AttemptOutcome.Transient("503 Service Unavailable")),
                "broken" => Task.FromResult(AttemptOutcome.Permanent("404 Not Found")),
                _ => throw new InvalidOperationException("a bug in the flow's services"),
            };
        }, TwoAttempts, clock, NullLogger.Instance);

        Assert.Equal(4, await worker.WorkOnceAsync(CancellationToken.None));
        Assert.Equal(0, await worker.WorkOnceAsync(CancellationToken.None));
        Assert.Equal(new Dictionary<string, (QueuedRunState, string?)>
        {
            ["flaky"] = (QueuedRunState.Queued, "503 Service Unavailable"),
            ["broken"] = (QueuedRunState.Dead, "404 Not Found"),
            ["throws"] = (QueuedRunState.Queued, "a bug in the flow's services"),
        }, await RowsAsync(database));

        // Two seconds later the transient ones are due; on their last attempt they die.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await worker.WorkOnceAsync(CancellationToken.None));
        Assert.Equal(["finished#1", "flaky#1", "broken#1", "throws#1", "flaky#2", "throws#2"], attempts);
        Assert.All((await RowsAsync(database)).Values, row => Assert.Equal(QueuedRunState.Dead, row.Item1));
    }

    [Fact]
    public async Task A_worker_whose_run_was_taken_over_drops_its_result()
    {
        await using var database = await TestPanelDatabase.CreateAsync(PanelDatabaseProvider.Sqlite);
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var queue = new PanelDurableRunQueue(database.Factory, clock);
        await queue.AcceptAsync([Run("slow")], CancellationToken.None);
        ClaimedRun? takenOver = null;
        var stalled = new QueueWorker(queue, async (claimed, _) =>
        {
            // The worker stalls past its lease; another worker claims the run meanwhile.
            clock.Advance(TimeSpan.FromMinutes(3));
            takenOver = Assert.Single(await queue.ClaimAsync("rescuer", 10, TimeSpan.FromMinutes(2), FlowRoom.Unlimited, CancellationToken.None));
            return AttemptOutcome.Finished;
        }, TwoAttempts, clock, NullLogger.Instance)
        { Lease = TimeSpan.FromMinutes(2), Name = "stalled" };

        await stalled.WorkOnceAsync(CancellationToken.None);

        // The row is the rescuer's, untouched by the stalled worker's "finished".
        await using var reader = database.Factory.Create();
        var row = await reader.QueuedRuns.SingleAsync();
        Assert.Equal(("rescuer", 2), (row.LeaseOwner, row.Attempts));
        Assert.True(await queue.SettleAsync(new RunSettlement(takenOver!.Run.RunId, "rescuer", null, null, null), CancellationToken.None));
    }

    [Fact]
    public async Task A_run_whose_renewal_was_late_comes_back_to_its_own_worker_and_is_not_started_twice()
    {
        await using var database = await TestPanelDatabase.CreateAsync(PanelDatabaseProvider.Sqlite);
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var queue = new PanelDurableRunQueue(database.Factory, clock);
        await queue.AcceptAsync([Run("slow")], CancellationToken.None);
        var attempts = 0;
        var reclaimed = -1;
        QueueWorker? worker = null;
        worker = new QueueWorker(queue, async (claimed, _) =>
        {
            attempts++;
            // The lease runs out while the run goes on (no renewal got through); the worker's next claim gets it back.
            clock.Advance(TimeSpan.FromMinutes(3));
            reclaimed = await worker!.WorkOnceAsync(CancellationToken.None);
            return AttemptOutcome.Finished;
        }, TwoAttempts, clock, NullLogger.Instance)
        { Lease = TimeSpan.FromMinutes(2), Name = "late" };

        Assert.Equal(1, await worker.WorkOnceAsync(CancellationToken.None));

        Assert.Equal((1, 0), (attempts, reclaimed));
        Assert.Empty(await RowsAsync(database));
    }

    private static async Task<Dictionary<string, (QueuedRunState, string?)>> RowsAsync(TestPanelDatabase database)
    {
        await using var reader = database.Factory.Create();
        return await reader.QueuedRuns.ToDictionaryAsync(r => r.FlowId, r => (r.State, r.LastError));
    }

    private static QueuedRun Run(string flow) => new(Guid.NewGuid(), Guid.NewGuid(), flow, 1, "account.registration", """{"id":1}""");
}
