using FlowCompiler.Hosting.Records;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FlowCompiler.Hosting.Storage;

/// <summary>
/// The <c>runs</c> table of the panel database: written in bulk (<see cref="RunRows"/>), read through EF Core.
/// </summary>
public sealed class PanelRunRecordStore(PanelDbContextFactory database) : IRunRecordStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One transaction per batch. On SQLite the batch commits with <c>synchronous=NORMAL</c> (the database is in WAL
    /// mode): a crash of the process loses nothing committed, a power loss may lose the last commits of run records —
    /// never the queue's, whose commits sync in full — and the connection goes back to the pool with <c>FULL</c>.
    /// </remarks>
    public Task WriteAsync(IReadOnlyList<RunRecordDraft> batch, CancellationToken ct) =>
        database.UseAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var sqlite = db.Provider == PanelDatabaseProvider.Sqlite;
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct).ConfigureAwait(false);
            }

            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                await RunRows.InsertAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), batch).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                if (sqlite)
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", CancellationToken.None).ConfigureAwait(false);
                }
            }

            return 0;
        }, ct);

    /// <inheritdoc />
    public Task<int> PruneAsync(DateTimeOffset olderThan, int keep, CancellationToken ct) =>
        database.UseAsync(async db =>
        {
            // A run's nodes are in its row, so they go with it.
            var cutoff = olderThan.UtcDateTime;
            var deleted = await db.Runs.Where(r => r.StartedAt < cutoff).ExecuteDeleteAsync(ct);
            var newestDropped = await db.Runs.OrderByDescending(r => r.StartedAt).Skip(keep).Select(r => (DateTime?)r.StartedAt).FirstOrDefaultAsync(ct);
            if (newestDropped is { } boundary)
            {
                deleted += await db.Runs.Where(r => r.StartedAt <= boundary).ExecuteDeleteAsync(ct);
            }

            return deleted;
        }, ct);

    /// <summary>Reads recorded runs, newest first: all, one flow's, or only failed ones.</summary>
    public Task<IReadOnlyList<RunRecord>> ReadAsync(string? flowId, bool failedOnly, int limit, CancellationToken ct) =>
        ReadAsync(flowId, failedOnly ? Runtime.Execution.RunStatus.Failed : null, limit, ct);

    /// <summary>Reads recorded runs, newest first: all or one flow's, of any status or of one.</summary>
    public Task<IReadOnlyList<RunRecord>> ReadAsync(string? flowId, Runtime.Execution.RunStatus? status, int limit, CancellationToken ct) =>
        database.UseAsync<IReadOnlyList<RunRecord>>(async db =>
        {
            var runs = db.Runs.AsNoTracking();
            if (flowId is not null)
            {
                runs = runs.Where(r => r.FlowId == flowId);
            }

            if (status is { } only)
            {
                runs = runs.Where(r => r.Status == only);
            }

            return await runs.OrderByDescending(r => r.StartedAt).Take(limit).ToListAsync(ct);
        }, ct);

    /// <summary>One recorded run with its nodes in execution order, or null.</summary>
    public Task<RunRecord?> FindAsync(Guid runId, CancellationToken ct) =>
        database.UseAsync(db => db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct), ct);

    /// <summary>The newest recorded run of every flow that has one, by flow id.</summary>
    public Task<Dictionary<string, RunRecord>> LatestPerFlowAsync(CancellationToken ct) =>
        database.UseAsync(async db =>
        {
            var latest = await db.Runs.AsNoTracking()
                .Where(r => r.StartedAt == db.Runs.Where(o => o.FlowId == r.FlowId).Max(o => o.StartedAt))
                .ToListAsync(ct);
            return latest.GroupBy(r => r.FlowId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        }, ct);

    /// <summary>
    /// Adds a run's record to <paramref name="db"/>'s changes, to be saved in its current transaction: the durable queue
    /// writes a finished run's record in the transaction that removes the run from the queue.
    /// </summary>
    internal static void Add(PanelDbContext db, RunRecordDraft draft) => db.Runs.Add(RunRows.Record(draft));
}
