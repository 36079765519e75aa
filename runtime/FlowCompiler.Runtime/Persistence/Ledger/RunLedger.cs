using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Ledger;

/// <summary>
/// The run ledger (<c>runLedger</c>): which effects of a durable run are done, by idempotency key, with the outputs the
/// rest of the run reads. Effects that live in the panel database (tickets, IPAM) write their entry in their own
/// transaction through <see cref="Add"/>; others are recorded right after they succeeded (<see cref="RecordAsync"/>).
/// </summary>
public sealed class RunLedger(PanelDbContextFactory database, TimeProvider time)
{
    /// <summary>The finished effects of <paramref name="runId"/>: node id → output (null for an effect without one).</summary>
    public Task<IReadOnlyDictionary<string, string?>> ReadAsync(Guid runId, CancellationToken ct) =>
        database.UseAsync<IReadOnlyDictionary<string, string?>>(async db =>
            await db.RunLedger.AsNoTracking().Where(l => l.RunId == runId).ToDictionaryAsync(l => l.NodeId, l => l.Output, ct).ConfigureAwait(false), ct);

    /// <summary>Records that the effect of <paramref name="key"/> is done; recording it twice keeps the first entry.</summary>
    /// <exception cref="ArgumentException">The key is not one of <see cref="IdempotencyKeys"/>.</exception>
    public Task RecordAsync(string key, string? output, CancellationToken ct)
    {
        if (!IdempotencyKeys.TryParse(key, out var runId, out var nodeId))
        {
            throw new ArgumentException($"\"{key}\" is not an idempotency key of a durable run (RUNID.NODEID).", nameof(key));
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return database.UseAsync(async db =>
        {
            if (database.Options.Provider == PanelDatabaseProvider.SqlServer)
            {
                return await db.Database.ExecuteSqlAsync($"""
                    IF NOT EXISTS (SELECT 1 FROM "runLedger" WHERE "key" = {key})
                    INSERT INTO "runLedger" ("key", "runId", "nodeId", "output", "recordedAt") VALUES ({key}, {runId}, {nodeId}, {output}, {now})
                    """, ct).ConfigureAwait(false);
            }

            // SQLite keeps a Guid as upper-case text, as EF Core writes it; PostgreSQL as uuid.
            object run = database.Options.Provider == PanelDatabaseProvider.Sqlite ? runId.ToString().ToUpperInvariant() : runId;
            return await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "runLedger" ("key", "runId", "nodeId", "output", "recordedAt") VALUES ({key}, {run}, {nodeId}, {output}, {now})
                ON CONFLICT ("key") DO NOTHING
                """, ct).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>The entry of <paramref name="key"/> in <paramref name="db"/>, or null when the effect is not done yet.</summary>
    public static Task<RunLedgerRecord?> FindAsync(PanelDbContext db, string key, CancellationToken ct) =>
        db.RunLedger.AsNoTracking().FirstOrDefaultAsync(l => l.Key == key, ct);

    /// <summary>Adds the entry of <paramref name="key"/> to <paramref name="db"/>'s changes, to be saved with the effect's own rows.</summary>
    /// <exception cref="ArgumentException">The key is not one of <see cref="IdempotencyKeys"/>.</exception>
    public static void Add(PanelDbContext db, string key, string? output, TimeProvider time)
    {
        if (!IdempotencyKeys.TryParse(key, out var runId, out var nodeId))
        {
            throw new ArgumentException($"\"{key}\" is not an idempotency key of a durable run (RUNID.NODEID).", nameof(key));
        }

        db.RunLedger.Add(new RunLedgerRecord { Key = key, RunId = runId, NodeId = nodeId, Output = output, RecordedAt = time.GetUtcNow().ToUnixTimeMilliseconds() });
    }
}
