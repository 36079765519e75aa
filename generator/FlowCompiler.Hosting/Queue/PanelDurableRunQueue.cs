using System.Text.Json;
using System.Threading.Channels;
using FlowCompiler.Hosting.Storage;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// The durable run queue in the panel database (<c>runQueue</c>). Accepting is a group commit: callers queue their
/// runs to one writer, which commits everything waiting in one transaction and then answers them all, so durability
/// costs each caller a few milliseconds of latency and the queue one commit per batch, not per event. Settling is
/// group-committed the same way, each run's record in the transaction that removes it. Claiming is one
/// <c>UPDATE … RETURNING</c> (PostgreSQL: over <c>FOR UPDATE SKIP LOCKED</c>, so concurrent workers never wait on each
/// other's rows); settling and renewing are fenced on the lease's owner.
/// </summary>
public sealed class PanelDurableRunQueue : IDurableRunQueue, IAsyncDisposable
{
    // A batch this large commits in tens of milliseconds on SQLite; more only makes the first caller wait longer.
    private const int MaxBatchRuns = 4_096;

    // A claim looks at this many times the runs it may take, so flows near their limit do not starve the others.
    private const int ScanFactor = 8;

    private readonly PanelDbContextFactory _database;
    private readonly TimeProvider _time;
    private readonly Channel<PendingAccept> _accepts = Channel.CreateUnbounded<PendingAccept>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<PendingSettle> _settles = Channel.CreateUnbounded<PendingSettle>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _acceptWriter;
    private readonly Task _settleWriter;

    /// <summary>Starts the queue's writers on <paramref name="database"/>.</summary>
    public PanelDurableRunQueue(PanelDbContextFactory database, TimeProvider time)
    {
        _database = database;
        _time = time;
        _acceptWriter = Task.Run(() => WriteAsync(_accepts.Reader, p => p.Runs.Count, CommitAcceptsAsync));
        _settleWriter = Task.Run(() => WriteAsync(_settles.Reader, _ => 1, CommitSettlesAsync));
    }

    /// <summary>The database the queue lives in.</summary>
    public PanelDbContextFactory Database => _database;

    /// <inheritdoc />
    /// <remarks>Cancelling stops the wait only: runs already handed to the writer may still be committed.</remarks>
    public Task AcceptAsync(IReadOnlyList<QueuedRun> runs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            return Task.CompletedTask;
        }

        var accept = new PendingAccept(runs, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_accepts.Writer.TryWrite(accept))
        {
            throw new ObjectDisposedException(nameof(PanelDurableRunQueue), "The run queue is shut down: nothing more is accepted.");
        }

        return accept.Done.Task.WaitAsync(ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ClaimedRun>> ClaimAsync(string worker, int max, TimeSpan lease, FlowRoom room, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(worker);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentNullException.ThrowIfNull(room);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)lease.TotalMilliseconds;
        return _database.UseAsync<IReadOnlyList<ClaimedRun>>(async db =>
        {
            var claimed = await ClaimQuery(db, worker, max, now, until, room).AsNoTracking().ToListAsync(ct);
            return [.. claimed.OrderBy(r => r.AvailableAt).Select(ToClaimed)];
        }, ct);
    }

    /// <inheritdoc />
    public Task<bool> SettleAsync(RunSettlement settlement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        var settle = new PendingSettle(settlement, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_settles.Writer.TryWrite(settle))
        {
            throw new ObjectDisposedException(nameof(PanelDurableRunQueue), "The run queue is shut down: the run stays claimed until its lease runs out.");
        }

        return settle.Done.Task.WaitAsync(ct);
    }

    /// <inheritdoc />
    public Task<bool> RenewAsync(Guid runId, string worker, TimeSpan lease, CancellationToken ct)
    {
        var until = _time.GetUtcNow().ToUnixTimeMilliseconds() + (long)lease.TotalMilliseconds;
        return _database.UseAsync(async db => await Held(db, runId, worker).ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseUntil, until), ct) == 1, ct);
    }

    /// <inheritdoc />
    public Task ReleaseAsync(IReadOnlyCollection<Guid> runIds, string worker, CancellationToken ct)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _database.UseAsync(db => db.QueuedRuns
            .Where(r => runIds.Contains(r.Id) && r.LeaseOwner == worker && r.State == QueuedRunState.Running)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.State, QueuedRunState.Queued)
                .SetProperty(r => r.AvailableAt, now)
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseUntil, (long?)null), ct), ct);
    }

    /// <inheritdoc />
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken ct) =>
        _database.UseAsync(async db =>
        {
            var queued = await db.QueuedRuns.Where(r => r.State == QueuedRunState.Queued).MinAsync(r => (long?)r.AvailableAt, ct);
            var lease = await db.QueuedRuns.Where(r => r.State == QueuedRunState.Running).MinAsync(r => r.LeaseUntil, ct);
            var next = (queued, lease) switch
            {
                (null, null) => (long?)null,
                ({ } q, { } l) => Math.Min(q, l),
                _ => queued ?? lease,
            };
            return next is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : (DateTimeOffset?)null;
        }, ct);

    /// <inheritdoc />
    public Task<(int Pending, int Dead)> CountAsync(CancellationToken ct) =>
        _database.UseAsync(async db =>
        {
            var dead = await db.QueuedRuns.CountAsync(r => r.State == QueuedRunState.Dead, ct);
            return (await db.QueuedRuns.CountAsync(ct) - dead, dead);
        }, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<QueuedRunRecord>> ReadDeadAsync(int limit, CancellationToken ct) =>
        _database.UseAsync<IReadOnlyList<QueuedRunRecord>>(async db =>
            await db.QueuedRuns.AsNoTracking().Where(r => r.State == QueuedRunState.Dead).OrderByDescending(r => r.AvailableAt).Take(limit).ToListAsync(ct), ct);

    /// <inheritdoc />
    public Task<QueuedRunRecord?> FindAsync(Guid runId, CancellationToken ct) =>
        _database.UseAsync(db => db.QueuedRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct), ct);

    /// <inheritdoc />
    public Task<bool> ReplayAsync(Guid runId, CancellationToken ct)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _database.UseAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var queued = await db.QueuedRuns.Where(r => r.Id == runId && r.State == QueuedRunState.Dead).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.State, QueuedRunState.Queued)
                .SetProperty(r => r.AvailableAt, now)
                .SetProperty(r => r.Attempts, 0), ct);
            if (queued == 0)
            {
                return false;
            }

            await db.Runs.Where(r => r.Id == runId).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, ct);
    }

    /// <inheritdoc />
    public Task<Guid?> RerunAsync(Guid runId, CancellationToken ct)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _database.UseAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.QueuedRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.State == QueuedRunState.Dead, ct) is not { } dead)
            {
                return (Guid?)null;
            }

            var fresh = new QueuedRun(Guid.NewGuid(), dead.EventId, dead.FlowId, dead.FlowVersion, dead.EventName, dead.Payload);
            db.QueuedRuns.Add(QueueRows.Record(fresh, now));
            await db.SaveChangesAsync(ct);
            await db.QueuedRuns.Where(r => r.Id == runId).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return fresh.RunId;
        }, ct);
    }

    /// <summary>Stops accepting, commits what was already accepted and settled, and waits for the writers.</summary>
    public async ValueTask DisposeAsync()
    {
        _accepts.Writer.TryComplete();
        _settles.Writer.TryComplete();
        await Task.WhenAll(_acceptWriter, _settleWriter).ConfigureAwait(false);
    }

    private static IQueryable<QueuedRunRecord> Held(PanelDbContext db, Guid runId, string worker) =>
        db.QueuedRuns.Where(r => r.Id == runId && r.LeaseOwner == worker && r.State == QueuedRunState.Running);

    // Due: queued and its time has come, or running with a lease that ran out (its worker died or stalled). The oldest
    // due runs of flows with room are looked at (a window of ScanFactor × max, so the claim stays an index range scan
    // however long the backlog), ranked within their flow, and each flow's room is taken from the front.
    private IQueryable<QueuedRunRecord> ClaimQuery(PanelDbContext db, string worker, int max, long now, long until, FlowRoom room)
    {
        var full = room.Full().ToArray();
        var running = JsonSerializer.Serialize(room.Running);
        var scan = max * ScanFactor;
        var perFlow = room.PerFlow;
        return _database.Options.Provider switch
        {
            PanelDatabaseProvider.Sqlite => db.QueuedRuns.FromSql($"""
                UPDATE "runQueue" SET "state" = 'running', "leaseOwner" = {worker}, "leaseUntil" = {until}, "attempts" = "attempts" + 1
                WHERE "id" IN (
                    SELECT "id" FROM (
                        SELECT "id", "availableAt", "flowId", ROW_NUMBER() OVER (PARTITION BY "flowId" ORDER BY "availableAt") AS "rank"
                        FROM (SELECT "id", "availableAt", "flowId" FROM "runQueue"
                              WHERE (("state" = 'queued' AND "availableAt" <= {now}) OR ("state" = 'running' AND "leaseUntil" < {now}))
                                AND "flowId" NOT IN (SELECT "value" FROM json_each({JsonSerializer.Serialize(full)}))
                              ORDER BY "availableAt" LIMIT {scan}))
                    WHERE "rank" <= {perFlow} - COALESCE((SELECT "value" FROM json_each({running}) WHERE "key" = "flowId"), 0)
                    ORDER BY "availableAt" LIMIT {max})
                RETURNING *
                """),
            PanelDatabaseProvider.PostgreSql => db.QueuedRuns.FromSql($"""
                UPDATE "runQueue" SET "state" = 'running', "leaseOwner" = {worker}, "leaseUntil" = {until}, "attempts" = "attempts" + 1
                WHERE "id" IN (
                    SELECT "id" FROM (
                        SELECT "id", "availableAt", "flowId", ROW_NUMBER() OVER (PARTITION BY "flowId" ORDER BY "availableAt") AS "rank"
                        FROM (SELECT "id", "availableAt", "flowId" FROM "runQueue"
                              WHERE (("state" = 'queued' AND "availableAt" <= {now}) OR ("state" = 'running' AND "leaseUntil" < {now}))
                                AND NOT ("flowId" = ANY({full}))
                              ORDER BY "availableAt" LIMIT {scan} FOR UPDATE SKIP LOCKED) AS "due") AS "ranked"
                    WHERE "rank" <= {perFlow} - COALESCE(({running}::jsonb ->> "flowId")::int, 0)
                    ORDER BY "availableAt" LIMIT {max})
                RETURNING *
                """),
            _ => throw new NotSupportedException("The durable run queue runs on SQLite and PostgreSQL; on SQL Server it is not built yet (the claim needs READPAST and OUTPUT)."),
        };
    }

    // One writer per channel: everything waiting is committed in one transaction, then every caller in it is answered.
    private static async Task WriteAsync<T>(ChannelReader<T> reader, Func<T, int> size, Func<List<T>, Task> commit)
        where T : IPending
    {
        var batch = new List<T>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var rows = 0;
            while (rows < MaxBatchRuns && reader.TryRead(out var next))
            {
                batch.Add(next);
                rows += size(next);
            }

            try
            {
                await commit(batch).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                // Nothing of the batch was committed (one transaction): every caller in it hears why.
                batch.ForEach(p => p.Done.TrySetException(error));
            }
        }
    }

    // The rows go in with the provider's fastest path (a prepared insert reused per row on SQLite, binary COPY on
    // PostgreSQL), not through change tracking: a batch is thousands of rows and nothing reads them back here.
    private Task CommitAcceptsAsync(List<PendingAccept> batch) =>
        _database.UseAsync(async db =>
        {
            await using var transaction = await BeginDurableAsync(db).ConfigureAwait(false);
            var connection = db.Database.GetDbConnection();
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            await QueueRows.InsertAsync(connection, transaction.GetDbTransaction(), batch.SelectMany(p => p.Runs), now).ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
            batch.ForEach(p => p.Done.TrySetResult(true));
            return 0;
        }, CancellationToken.None);

    // Each settlement is fenced on its own row; the records of the runs still held go in with them.
    private Task CommitSettlesAsync(List<PendingSettle> batch) =>
        _database.UseAsync(async db =>
        {
            await using var transaction = await BeginDurableAsync(db).ConfigureAwait(false);
            var held = new bool[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var settlement = batch[i].Settlement;
                var row = Held(db, settlement.RunId, settlement.Worker);
                held[i] = 1 == (settlement.Finished
                    ? await row.ExecuteDeleteAsync().ConfigureAwait(false)
                    : await row.ExecuteUpdateAsync(set => set
                        .SetProperty(r => r.State, settlement.Dead ? QueuedRunState.Dead : QueuedRunState.Queued)
                        .SetProperty(r => r.AvailableAt, (settlement.RetryAt ?? _time.GetUtcNow()).ToUnixTimeMilliseconds())
                        .SetProperty(r => r.LeaseOwner, (string?)null)
                        .SetProperty(r => r.LeaseUntil, (long?)null)
                        .SetProperty(r => r.LastError, settlement.Error)).ConfigureAwait(false));
                if (held[i] && settlement.Record is { } record)
                {
                    PanelRunRecordStore.Add(db, record);
                }
            }

            await db.SaveChangesAsync().ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(held[i]);
            }

            return 0;
        }, CancellationToken.None);

    private async Task<IDbContextTransaction> BeginDurableAsync(PanelDbContext db)
    {
        await db.Database.OpenConnectionAsync().ConfigureAwait(false);
        if (_database.Options.Provider == PanelDatabaseProvider.Sqlite)
        {
            // The queue's commits survive a power loss, not only a crash (WAL with FULL syncs at every commit).
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;").ConfigureAwait(false);
        }

        return await db.Database.BeginTransactionAsync().ConfigureAwait(false);
    }

    private static ClaimedRun ToClaimed(QueuedRunRecord record) => new(
        new QueuedRun(record.Id, record.EventId, record.FlowId, record.FlowVersion, record.EventName, record.Payload),
        record.Attempts,
        DateTimeOffset.FromUnixTimeMilliseconds(record.LeaseUntil ?? 0));

    private interface IPending
    {
        TaskCompletionSource<bool> Done { get; }
    }

    private sealed record PendingAccept(IReadOnlyList<QueuedRun> Runs, TaskCompletionSource<bool> Done) : IPending;

    private sealed record PendingSettle(RunSettlement Settlement, TaskCompletionSource<bool> Done) : IPending;
}
