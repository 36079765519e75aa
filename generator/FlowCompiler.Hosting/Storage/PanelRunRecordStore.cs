using FlowCompiler.Hosting.Records;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Hosting.Storage;

/// <summary>The <c>runs</c> and <c>runNodes</c> tables of the panel database, through EF Core.</summary>
public sealed class PanelRunRecordStore(PanelDbContextFactory database) : IRunRecordStore
{
    /// <inheritdoc />
    public Task WriteAsync(IReadOnlyList<RunRecordDraft> batch, CancellationToken ct) =>
        database.UseAsync(async db =>
        {
            db.Runs.AddRange(batch.Select(ToRecord));
            return await db.SaveChangesAsync(ct);
        }, ct);

    /// <inheritdoc />
    public Task<int> PruneAsync(DateTimeOffset olderThan, int keep, CancellationToken ct) =>
        database.UseAsync(async db =>
        {
            // Run nodes go with their run (cascading foreign key).
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
            var runs = db.Runs.AsNoTracking().Include(r => r.Nodes).AsQueryable();
            if (flowId is not null)
            {
                runs = runs.Where(r => r.FlowId == flowId);
            }

            if (status is { } only)
            {
                runs = runs.Where(r => r.Status == only);
            }

            var found = await runs.OrderByDescending(r => r.StartedAt).Take(limit).ToListAsync(ct);
            found.ForEach(r => r.Nodes.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal)));
            return found;
        }, ct);

    /// <summary>One recorded run with its nodes in execution order, or null.</summary>
    public Task<RunRecord?> FindAsync(Guid runId, CancellationToken ct) =>
        database.UseAsync(async db =>
        {
            var run = await db.Runs.AsNoTracking().Include(r => r.Nodes).FirstOrDefaultAsync(r => r.Id == runId, ct);
            run?.Nodes.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
            return run;
        }, ct);

    /// <summary>The newest recorded run of every flow that has one (without nodes), by flow id.</summary>
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
    internal static void Add(PanelDbContext db, RunRecordDraft draft) => db.Runs.Add(ToRecord(draft));

    private static RunRecord ToRecord(RunRecordDraft draft)
    {
        var run = draft.Run;
        var record = new RunRecord
        {
            Id = run.RunId,
            FlowId = run.FlowId,
            FlowVersion = run.Version,
            EventName = run.EventName,
            Status = run.Result.Status,
            StartedAt = run.StartedAt.UtcDateTime,
            DurationMs = run.Result.Duration.TotalMilliseconds,
            Error = run.Error,
            EventPayload = draft.RedactedPayload,
        };
        record.Nodes.AddRange(run.Result.Nodes.Select(RunNodeRecord.From));
        return record;
    }
}
