using FlowCompiler.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Tests.Hosting;

public sealed class RunRecordTests
{
    [Fact]
    public async Task Retention_keeps_at_most_the_configured_count_newest_first()
    {
        var options = new FlowHostOptions { RetentionCount = 3 };
        await using var engine = await TestEngine.StartAsync(new ActionSink(), options);
        await engine.Host.PublishAsync(HostFlows.LoginMail("login-mail", "kept"));
        var runIds = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            runIds.Add(Assert.Single(await engine.Host.RaiseAsync("account.login", HostFlows.Login(100 + i))).RunId);
            await Task.Delay(5);
        }

        await engine.Host.FlushRecordsAsync();
        await engine.Host.PruneRecordsAsync();

        var kept = await engine.Runs.ReadAsync(null, false, 100, CancellationToken.None);
        Assert.Equal(runIds.TakeLast(3).Reverse(), kept.Select(r => r.Id));
    }

    [Fact]
    public async Task Retention_deletes_runs_older_than_the_configured_days()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var engine = await TestEngine.StartAsync(new ActionSink(), new FlowHostOptions { RetentionDays = 30 }, clock);
        await engine.Host.PublishAsync(HostFlows.LoginMail("login-mail", "aging"));
        await engine.Host.RaiseAsync("account.login", HostFlows.Login(100));
        clock.Now = clock.Now.AddDays(20);
        var recent = Assert.Single(await engine.Host.RaiseAsync("account.login", HostFlows.Login(101)));
        await engine.Host.FlushRecordsAsync();

        clock.Now = clock.Now.AddDays(15);
        await engine.Host.PruneRecordsAsync();

        Assert.Equal([recent.RunId], (await engine.Runs.ReadAsync(null, false, 100, CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task A_burst_of_100000_raises_has_every_run_recorded()
    {
        const int Raises = 100_000;
        // Retention must not thin the burst out: this test counts what was written, not what is kept.
        await using var engine = await TestEngine.StartAsync(new ActionSink(), new FlowHostOptions { RetentionCount = 10 * Raises });
        await engine.Host.PublishAsync(HostFlows.LoginMail("login-mail", "burst"));
        var login = HostFlows.Login(1);

        // Raised faster than the records are written: past RunRecorder.MaxBacklog the raises wait for room instead of records being dropped.
        var pending = new List<Task>(64);
        for (var i = 0; i < Raises; i++)
        {
            pending.Add(engine.Host.RaiseAsync("account.login", login).AsTask());
            if (pending.Count == pending.Capacity)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        await engine.Host.FlushRecordsAsync();

        await using var db = engine.Database.Create();
        Assert.Equal(Raises, await db.Runs.CountAsync());
        Assert.Equal(Raises, await db.Runs.Select(r => r.Id).Distinct().CountAsync());
    }

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
