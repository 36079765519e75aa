using System.Collections.Concurrent;
using FlowCompiler.Hosting.Queue;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Records;
using FlowCompiler.Tests.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Tests.Hosting.Queue;

/// <summary>The durable run queue on SQLite and PostgreSQL: accepted means stored, one holder per run, leases that fence, retries and dead runs.</summary>
public sealed class DurableRunQueueTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Accepted_runs_are_stored_when_accept_returns_and_survive_a_restart(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var runs = Enumerable.Range(0, 300).Select(Run).ToList();

        await using (var queue = new PanelDurableRunQueue(database.Factory, clock))
        {
            // Concurrent callers, as a panel's requests are: each returns only once its runs are committed.
            await Task.WhenAll(runs.Chunk(3).Select(chunk => queue.AcceptAsync(chunk, CancellationToken.None)));
            await using var reader = database.Factory.Create();
            Assert.Equal(300, await reader.QueuedRuns.CountAsync());
        }

        // A new process: a fresh queue on the same database claims every accepted run, with its payload.
        await using var restarted = new PanelDurableRunQueue(database.Factory, clock);
        var claimed = await restarted.ClaimAsync("worker-b", 1_000, Lease, FlowRoom.Unlimited, CancellationToken.None);
        Assert.Equal(runs.Select(r => r.RunId).Order(), claimed.Select(c => c.Run.RunId).Order());
        Assert.Equal(runs[7], claimed.Single(c => c.Run.RunId == runs[7].RunId).Run);
        Assert.All(claimed, c => Assert.Equal(1, c.Attempt));
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Concurrent_workers_never_hold_the_same_run(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var queue = new PanelDurableRunQueue(database.Factory, clock);
        var runs = Enumerable.Range(0, 400).Select(Run).ToList();
        await queue.AcceptAsync(runs, CancellationToken.None);

        var held = new ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            while (await ClaimWithRetryAsync(queue, $"worker-{w}") is { Count: > 0 } batch)
            {
                foreach (var claimed in batch)
                {
                    held.Add(claimed.Run.RunId);
                    Assert.True(await queue.SettleAsync(new RunSettlement(claimed.Run.RunId, $"worker-{w}", null, null, null), CancellationToken.None));
                }
            }
        })));

        Assert.Equal(400, held.Count);
        Assert.Equal(400, held.Distinct().Count());
        Assert.Equal((0, 0), await queue.CountAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_run_whose_lease_ran_out_is_claimed_again_and_its_old_worker_is_fenced(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var queue = new PanelDurableRunQueue(database.Factory, clock);
        var run = Run(1);
        await queue.AcceptAsync([run], CancellationToken.None);

        var first = Assert.Single(await queue.ClaimAsync("stalled", 10, Lease, FlowRoom.Unlimited, CancellationToken.None));
        Assert.Empty(await queue.ClaimAsync("other", 10, Lease, FlowRoom.Unlimited, CancellationToken.None));

        clock.Advance(Lease + TimeSpan.FromMilliseconds(1));
        var second = Assert.Single(await queue.ClaimAsync("other", 10, Lease, FlowRoom.Unlimited, CancellationToken.None));
        Assert.Equal(run.RunId, second.Run.RunId);
        Assert.Equal(2, second.Attempt);

        // The stalled worker wakes up: it can neither finish, fail nor extend a run it no longer holds.
        Assert.False(await queue.SettleAsync(new RunSettlement(first.Run.RunId, "stalled", null, null, null), CancellationToken.None));
        Assert.False(await queue.SettleAsync(new RunSettlement(first.Run.RunId, "stalled", null, "late", null), CancellationToken.None));
        Assert.False(await queue.RenewAsync(first.Run.RunId, "stalled", Lease, CancellationToken.None));
        Assert.True(await queue.RenewAsync(second.Run.RunId, "other", Lease, CancellationToken.None));
        Assert.True(await queue.SettleAsync(new RunSettlement(second.Run.RunId, "other", null, null, null), CancellationToken.None));
        Assert.Equal((0, 0), await queue.CountAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_claim_takes_no_more_runs_of_a_flow_than_its_room_and_the_other_flows_runs_meanwhile(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var queue = new PanelDurableRunQueue(database.Factory, clock);
        // Six runs of "busy" first, then two of "calm" and two of "full".
        var runs = Enumerable.Range(0, 6).Select(i => Run(i) with { FlowId = "busy" })
            .Concat(Enumerable.Range(6, 2).Select(i => Run(i) with { FlowId = "calm" }))
            .Concat(Enumerable.Range(8, 2).Select(i => Run(i) with { FlowId = "full" })).ToList();
        foreach (var run in runs)
        {
            await queue.AcceptAsync([run], CancellationToken.None);
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        // The worker runs one "busy" run and two "full" ones already; at most two per flow.
        var room = new FlowRoom(2, new Dictionary<string, int> { ["busy"] = 1, ["full"] = 2 });
        var claimed = await queue.ClaimAsync("w", 10, Lease, room, CancellationToken.None);

        Assert.Equal([runs[0].RunId, runs[6].RunId, runs[7].RunId], claimed.Select(c => c.Run.RunId));
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_retry_waits_for_its_time_and_a_dead_run_stays_with_its_error(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        await using var queue = new PanelDurableRunQueue(database.Factory, clock);
        var retried = Run(1);
        var doomed = Run(2);
        await queue.AcceptAsync([retried, doomed], CancellationToken.None);
        await queue.ClaimAsync("w", 10, Lease, FlowRoom.Unlimited, CancellationToken.None);

        Assert.True(await queue.SettleAsync(new RunSettlement(retried.RunId, "w", clock.GetUtcNow().AddSeconds(10), "503 from the webhook", null), CancellationToken.None));
        Assert.True(await queue.SettleAsync(new RunSettlement(doomed.RunId, "w", null, "404 from the webhook", null), CancellationToken.None));
        Assert.Empty(await queue.ClaimAsync("w", 10, Lease, FlowRoom.Unlimited, CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(10));
        var again = Assert.Single(await queue.ClaimAsync("w", 10, Lease, FlowRoom.Unlimited, CancellationToken.None));
        Assert.Equal(retried.RunId, again.Run.RunId);
        Assert.Equal(2, again.Attempt);

        Assert.Equal((1, 1), await queue.CountAsync(CancellationToken.None));
        Assert.True(await queue.SettleAsync(new RunSettlement(again.Run.RunId, "w", null, null, null), CancellationToken.None));

        // However long it waits, a dead run is never claimed: it waits for someone to act.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await queue.ClaimAsync("w2", 10, Lease, FlowRoom.Unlimited, CancellationToken.None));
        Assert.Equal((0, 1), await queue.CountAsync(CancellationToken.None));
        await using var reader = database.Factory.Create();
        var dead = await reader.QueuedRuns.SingleAsync(r => r.State == QueuedRunState.Dead);
        Assert.Equal("404 from the webhook", dead.LastError);
    }

    [Fact]
    public async Task A_commit_that_fails_fails_every_caller_of_its_batch_and_accepts_nothing()
    {
        await using var database = await TestPanelDatabase.CreateAsync(PanelDatabaseProvider.Sqlite);
        await using var queue = new PanelDurableRunQueue(database.Factory, TimeProvider.System);
        var run = Run(1);
        await queue.AcceptAsync([run], CancellationToken.None);

        // The same run id again violates the key: that batch is refused whole, and its caller hears it.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => queue.AcceptAsync([Run(2), run], CancellationToken.None));
        Assert.True(WriteConflict.IsConflict(failure), failure.ToString());
        await using var reader = database.Factory.Create();
        Assert.Equal([run.RunId], await reader.QueuedRuns.Select(r => r.Id).ToListAsync());
    }

    [Fact]
    public async Task After_shutdown_nothing_more_is_accepted()
    {
        await using var database = await TestPanelDatabase.CreateAsync(PanelDatabaseProvider.Sqlite);
        var queue = new PanelDurableRunQueue(database.Factory, TimeProvider.System);
        await queue.DisposeAsync();

        var refused = await Assert.ThrowsAsync<ObjectDisposedException>(() => queue.AcceptAsync([Run(1)], CancellationToken.None));
        Assert.Contains("shut down", refused.Message, StringComparison.Ordinal);
    }

    // SQLite may report a busy database under four writers; a claim that met one simply tries again.
    private static async Task<IReadOnlyList<ClaimedRun>> ClaimWithRetryAsync(IDurableRunQueue queue, string worker)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await queue.ClaimAsync(worker, 7, Lease, FlowRoom.Unlimited, CancellationToken.None);
            }
            catch (PanelDatabaseException) when (attempt < 20)
            {
                await Task.Delay(10 * attempt);
            }
        }
    }

    private static QueuedRun Run(int i) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "welcome-mail", 1, "account.registration", $$"""{"id":{{i}},"email":"user{{i}}@example.org"}""");
}
