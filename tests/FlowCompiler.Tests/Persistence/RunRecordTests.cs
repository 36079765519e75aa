using FlowCompiler.Hosting;
using FlowCompiler.Hosting.Records;
using FlowCompiler.Hosting.Storage;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Tests.Persistence;

public sealed class RunRecordTests
{
    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_run_and_its_nodes_are_stored_and_read_back(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        var result = new RunResult("vip-server-webhook", RunStatus.Failed, TimeSpan.FromMilliseconds(12.5),
        [
            new NodeResult("trigger", NodeStatus.Succeeded, null, TimeSpan.Zero, null),
            new NodeResult("is-vip", NodeStatus.Succeeded, "true", TimeSpan.FromMilliseconds(0.25), null),
            new NodeResult("notify", NodeStatus.Failed, null, TimeSpan.FromMilliseconds(10), "webhook answered 500 Internal Server Error"),
        ], []);
        var id = Guid.NewGuid();
        await database.AddAsync(
            new FlowVersionRecord { FlowId = "vip-server-webhook", Version = 2, Name = "VIP", TriggerEvent = "server.created", CanonicalJson = "{}", Published = true, ContentHash = new string('a', 64), UpdatedAt = PanelSeed.Created },
            new RunRecord
            {
                Id = id, FlowId = result.Flow, FlowVersion = 2, EventName = "server.created", Status = result.Status, StartedAt = PanelSeed.Created,
                DurationMs = result.Duration.TotalMilliseconds, EventPayload = "{\"id\":5}", EffectsJson = "[]",
                Nodes = [.. result.Nodes.Select(RunNodeRecord.From)],
            });

        await using var context = database.Factory.Create();
        var run = await context.Runs.SingleAsync(r => r.Id == id);
        var published = await context.FlowVersions.SingleAsync(f => f.TriggerEvent == "server.created" && f.Published);

        Assert.Equal((RunStatus.Failed, 12.5, "{\"id\":5}", PanelSeed.Created), (run.Status, run.DurationMs, run.EventPayload, run.StartedAt));
        Assert.Equal(
            [("trigger", NodeStatus.Succeeded, null, null), ("is-vip", NodeStatus.Succeeded, "true", null), ("notify", NodeStatus.Failed, null, "webhook answered 500 Internal Server Error")],
            run.Nodes.Select(n => (n.NodeId, n.Status, n.Port, n.Error)));
        Assert.Equal(2, published.Version);
        // Statuses are stored as the spec's words, readable in plain SQL.
        Assert.Equal(["failed"], await context.Database.SqlQueryRaw<string>(provider == PanelDatabaseProvider.Sqlite
            ? "SELECT status AS \"Value\" FROM runs" : "SELECT \"status\" AS \"Value\" FROM \"runs\"").ToListAsync());
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_bulk_written_run_reads_back_through_EF_Core_as_written(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        var store = new PanelRunRecordStore(database.Factory);
        // Microsecond ticks: PostgreSQL keeps no finer, SQLite's text keeps them all; a whole second has no fraction in SQLite's text.
        var failedAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_560);
        var failed = new CompletedRun(Guid.NewGuid(), "vip-ünïcode", 3, "server.created", failedAt, new RunResult("vip-ünïcode", RunStatus.Failed, TimeSpan.FromMilliseconds(12.5),
        [
            new NodeResult("trigger", NodeStatus.Succeeded, null, TimeSpan.Zero, null),
            new NodeResult("is-vip", NodeStatus.Succeeded, "true", TimeSpan.FromMilliseconds(0.25), null),
            new NodeResult("notify", NodeStatus.Failed, null, TimeSpan.FromMilliseconds(10), "webhook answered 500 \"Größe\" ✓ 𝄞\n"),
            new NodeResult("after", NodeStatus.Skipped, null, TimeSpan.Zero, null),
        ], []), Error: null);
        var succeeded = new CompletedRun(Guid.NewGuid(), "login-mail", 1, "account.login", failedAt.AddSeconds(1).AddTicks(-1_234_560), new RunResult("login-mail", RunStatus.Succeeded, TimeSpan.FromMilliseconds(0.5),
            [new NodeResult("trigger", NodeStatus.Succeeded, null, TimeSpan.Zero, null)], []), Error: "a run-level error")
        { Tier = FlowTier.Interpreted };

        await store.WriteAsync([new RunRecordDraft(failed, "{\"name\":\"Zoë ✓\"}"), new RunRecordDraft(succeeded, null)], CancellationToken.None);

        await using var context = database.Factory.Create();
        var runs = await context.Runs.AsNoTracking().OrderBy(r => r.StartedAt).ToListAsync();
        Assert.Equal(
            [
                (failed.RunId, "vip-ünïcode", 3, "server.created", RunStatus.Failed, false, failedAt.UtcDateTime, 12.5, (string?)null, (string?)"{\"name\":\"Zoë ✓\"}"),
                (succeeded.RunId, "login-mail", 1, "account.login", RunStatus.Succeeded, false, succeeded.StartedAt.UtcDateTime, 0.5, "a run-level error", null),
            ],
            runs.Select(r => (r.Id, r.FlowId, r.FlowVersion, r.EventName, r.Status, r.DryRun, r.StartedAt, r.DurationMs, r.Error, r.EventPayload)));
        Assert.All(runs, r => Assert.Equal(DateTimeKind.Utc, r.StartedAt.Kind));
        Assert.Equal([false, true], runs.Select(r => r.Interpreted));
        Assert.Equal(
            [("trigger", NodeStatus.Succeeded, null, 0.0, null), ("is-vip", NodeStatus.Succeeded, "true", 0.25, null),
             ("notify", NodeStatus.Failed, null, 10.0, "webhook answered 500 \"Größe\" ✓ 𝄞\n"), ("after", NodeStatus.Skipped, null, 0.0, null)],
            runs[0].Nodes.Select(n => (n.NodeId, n.Status, n.Port, n.DurationMs, n.Error)));
        Assert.Equal(["trigger"], runs[1].Nodes.Select(n => n.NodeId));
        // EF Core finds the bulk-written rows by the columns it writes itself (ids, times, statuses).
        Assert.Equal(failed.RunId, (await store.FindAsync(failed.RunId, CancellationToken.None))?.Id);
        Assert.Equal([succeeded.RunId], (await store.ReadAsync(null, RunStatus.Succeeded, 10, CancellationToken.None)).Select(r => r.Id));
        Assert.Single(await context.Runs.Where(r => r.StartedAt == failedAt.UtcDateTime).ToListAsync());
        // The nodes column is the compact JSON of RunNodesJson, readable in plain SQL.
        var nodes = await context.Database.SqlQueryRaw<string>(provider == PanelDatabaseProvider.Sqlite
            ? "SELECT nodes AS \"Value\" FROM runs WHERE flowId = 'login-mail'" : "SELECT \"nodes\" AS \"Value\" FROM \"runs\" WHERE \"flowId\" = 'login-mail'").SingleAsync();
        Assert.Equal("""[{"id":"trigger","status":"succeeded","durationMs":0}]""", nodes);
    }
}
