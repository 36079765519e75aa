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
        var run = await context.Runs.Include(r => r.Nodes).SingleAsync(r => r.Id == id);
        var published = await context.FlowVersions.SingleAsync(f => f.TriggerEvent == "server.created" && f.Published);

        Assert.Equal((RunStatus.Failed, 12.5, "{\"id\":5}", PanelSeed.Created), (run.Status, run.DurationMs, run.EventPayload, run.StartedAt));
        Assert.Equal(
            [("trigger", NodeStatus.Succeeded, null, null), ("is-vip", NodeStatus.Succeeded, "true", null), ("notify", NodeStatus.Failed, null, "webhook answered 500 Internal Server Error")],
            run.Nodes.OrderBy(n => n.Ordinal).Select(n => (n.NodeId, n.Status, n.Port, n.Error)));
        Assert.Equal(2, published.Version);
        // Statuses are stored as the spec's words, readable in plain SQL.
        Assert.Equal(["failed"], await context.Database.SqlQueryRaw<string>(provider == PanelDatabaseProvider.Sqlite
            ? "SELECT status AS \"Value\" FROM runs" : "SELECT \"status\" AS \"Value\" FROM \"runs\"").ToListAsync());
    }
}
