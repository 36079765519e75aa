using System.Threading.Channels;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// The durable run queue in the panel database (<c>runQueue</c>). Accepting is a group commit: callers queue their
/// runs to one writer, which commits everything waiting in one transaction and then answers them all, so durability
/// costs each caller a few milliseconds of latency and the queue one commit per batch, not per event. Claiming is one
/// <c>UPDATE … RETURNING</c> (PostgreSQL: over <c>FOR UPDATE SKIP LOCKED</c>, so concurrent workers never wait on each
/// other's rows); completing, failing and renewing are fenced on the lease's owner.
/// </summary>
public sealed class PanelDurableRunQueue : IDurableRunQueue, IAsyncDisposable
{
    // A batch this large commits in tens of milliseconds on SQLite; more only makes the first caller wait longer.
    private const int MaxBatchRuns = 4_096;

    private readonly PanelDbContextFactory _database;
    private readonly TimeProvider _time;
    private readonly Channel<PendingAccept> _pending = Channel.CreateUnbounded<PendingAccept>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <summary>Starts the queue's writer on <paramref name="database"/>.</summary>
    public PanelDurableRunQueue(PanelDbContextFactory database, TimeProvider time)
    {
        _database = database;
        _time = time;
        _writer = Task.Run(WriteAsync);
    }

    /// <inheritdoc />
    /// <remarks>Cancelling stops the wait only: runs already handed to the writer may still be committed.</remarks>
    public Task AcceptAsync(IReadOnlyList<QueuedRun> runs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            return Task.CompletedTask;
        }

        var accept = new PendingAccept(runs, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(accept))
        {
            throw new ObjectDisposedException(nameof(PanelDurableRunQueue), "The run queue is shut down: nothing more is accepted.");
        }

        return accept.Committed.Task.WaitAsync(ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ClaimedRun>> ClaimAsync(string worker, int max, TimeSpan lease, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(worker);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)lease.TotalMilliseconds;
        return _database.UseAsync<IReadOnlyList<ClaimedRun>>(async db =>
        {
            var claimed = await ClaimQuery(db, worker, max, now, until).AsNoTracking().ToListAsync(ct);
            return [.. claimed.OrderBy(r => r.AvailableAt).Select(ToClaimed)];
        }, ct);
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(Guid runId, string worker, CancellationToken ct) =>
        _database.UseAsync(async db => await Held(db, runId, worker).ExecuteDeleteAsync(ct) == 1, ct);

    /// <inheritdoc />
    public Task<bool> FailAsync(Guid runId, string worker, string error, DateTimeOffset? retryAt, CancellationToken ct)
    {
        var state = retryAt is null ? QueuedRunState.Dead : QueuedRunState.Queued;
        var availableAt = (retryAt ?? _time.GetUtcNow()).ToUnixTimeMilliseconds();
        return _database.UseAsync(async db => await Held(db, runId, worker).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.State, state)
            .SetProperty(r => r.AvailableAt, availableAt)
            .SetProperty(r => r.LeaseOwner, (string?)null)
            .SetProperty(r => r.LeaseUntil, (long?)null)
            .SetProperty(r => r.LastError, error), ct) == 1, ct);
    }

    /// <inheritdoc />
    public Task<bool> RenewAsync(Guid runId, string worker, TimeSpan lease, CancellationToken ct)
    {
        var until = _time.GetUtcNow().ToUnixTimeMilliseconds() + (long)lease.TotalMilliseconds;
        return _database.UseAsync(async db => await Held(db, runId, worker).ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseUntil, until), ct) == 1, ct);
    }

    /// <inheritdoc />
    public Task<(int Pending, int Dead)> CountAsync(CancellationToken ct) =>
        _database.UseAsync(async db =>
        {
            var dead = await db.QueuedRuns.CountAsync(r => r.State == QueuedRunState.Dead, ct);
            return (await db.QueuedRuns.CountAsync(ct) - dead, dead);
        }, ct);

    /// <summary>Stops accepting, commits what was already accepted, and waits for the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private static IQueryable<QueuedRunRecord> Held(PanelDbContext db, Guid runId, string worker) =>
        db.QueuedRuns.Where(r => r.Id == runId && r.LeaseOwner == worker && r.State == QueuedRunState.Running);

    // Due: queued and its time has come, or running with a lease that ran out (its worker died or stalled).
    private IQueryable<QueuedRunRecord> ClaimQuery(PanelDbContext db, string worker, int max, long now, long until) => _database.Options.Provider switch
    {
        PanelDatabaseProvider.Sqlite => db.QueuedRuns.FromSql($"""
            UPDATE "runQueue" SET "state" = 'running', "leaseOwner" = {worker}, "leaseUntil" = {until}, "attempts" = "attempts" + 1
            WHERE "id" IN (SELECT "id" FROM "runQueue"
                           WHERE ("state" = 'queued' AND "availableAt" <= {now}) OR ("state" = 'running' AND "leaseUntil" < {now})
                           ORDER BY "availableAt" LIMIT {max})
            RETURNING *
            """),
        PanelDatabaseProvider.PostgreSql => db.QueuedRuns.FromSql($"""
            UPDATE "runQueue" SET "state" = 'running', "leaseOwner" = {worker}, "leaseUntil" = {until}, "attempts" = "attempts" + 1
            WHERE "id" IN (SELECT "id" FROM "runQueue"
                           WHERE ("state" = 'queued' AND "availableAt" <= {now}) OR ("state" = 'running' AND "leaseUntil" < {now})
                           ORDER BY "availableAt" LIMIT {max} FOR UPDATE SKIP LOCKED)
            RETURNING *
            """),
        _ => throw new NotSupportedException("The durable run queue runs on SQLite and PostgreSQL; on SQL Server it is not built yet (the claim needs READPAST and OUTPUT)."),
    };

    private async Task WriteAsync()
    {
        var batch = new List<PendingAccept>();
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var runs = 0;
            while (runs < MaxBatchRuns && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
                runs += next.Runs.Count;
            }

            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
                batch.ForEach(p => p.Committed.TrySetResult());
            }
            catch (Exception error)
            {
                // Nothing of the batch was committed (one transaction): every caller in it hears why.
                batch.ForEach(p => p.Committed.TrySetException(error));
            }
        }
    }

    // The rows go in with the provider's fastest path (a prepared insert reused per row on SQLite, binary COPY on
    // PostgreSQL), not through change tracking: a batch is thousands of rows and nothing reads them back here.
    private Task CommitAsync(List<PendingAccept> batch) =>
        _database.UseAsync(async db =>
        {
            await db.Database.OpenConnectionAsync().ConfigureAwait(false);
            var connection = db.Database.GetDbConnection();
            var provider = _database.Options.Provider;
            if (provider == PanelDatabaseProvider.Sqlite)
            {
                // The queue's commits survive a power loss, not only a crash (WAL with FULL syncs at every commit).
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;").ConfigureAwait(false);
            }

            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var runs = batch.SelectMany(p => p.Runs);
            switch (provider)
            {
                case PanelDatabaseProvider.Sqlite:
                    await QueueRows.InsertSqliteAsync(connection, transaction, runs, now).ConfigureAwait(false);
                    break;
                case PanelDatabaseProvider.PostgreSql:
                    await QueueRows.CopyPostgresAsync((Npgsql.NpgsqlConnection)connection, runs, now).ConfigureAwait(false);
                    break;
                default:
                    db.Database.UseTransaction(transaction);
                    db.QueuedRuns.AddRange(runs.Select(run => QueueRows.Record(run, now)));
                    await db.SaveChangesAsync().ConfigureAwait(false);
                    break;
            }

            await transaction.CommitAsync().ConfigureAwait(false);
            return 0;
        }, CancellationToken.None);

    private static ClaimedRun ToClaimed(QueuedRunRecord record) => new(
        new QueuedRun(record.Id, record.EventId, record.FlowId, record.FlowVersion, record.EventName, record.Payload),
        record.Attempts,
        DateTimeOffset.FromUnixTimeMilliseconds(record.LeaseUntil ?? 0));

    private sealed record PendingAccept(IReadOnlyList<QueuedRun> Runs, TaskCompletionSource Committed);
}
