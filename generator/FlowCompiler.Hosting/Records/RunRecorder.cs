using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Hosting.Records;

/// <summary>
/// Writes run records off the hot path: finished runs go into a queue, and one background loop writes them
/// in batches and applies the retention limits now and then. A database that is slow or down delays the records
/// (a failed batch is retried with back-off) but never fails a run, and no record is ever dropped: while more than
/// <see cref="MaxBacklog"/> records wait, each caller that records one more waits for room (backpressure), at most
/// <see cref="RoomWait"/>; then its record is kept all the same and the host logs once that writes fall behind.
/// </summary>
internal sealed partial class RunRecorder : IAsyncDisposable
{
    /// <summary>Records that may wait to be written before a caller that records one more waits for room.</summary>
    public const int MaxBacklog = 50_000;

    /// <summary>
    /// The longest a caller waits for room. Past it the record is queued anyway: a database that is down must not stop
    /// the runs, and the wait already slows every raise to the pace the database takes.
    /// </summary>
    public static readonly TimeSpan RoomWait = TimeSpan.FromSeconds(5);

    // Retention costs a scan of the time index as long as the count limit: run it once per a tenth of that limit written
    // (so the table may hold up to 10% more between prunes), and never more often than once per this many records.
    private const int MinPruneEvery = 1_000;

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly Channel<Pending> _pending;
    private readonly IRunRecordStore _store;
    private readonly FlowHostOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private readonly Lock _roomLock = new();
    private TaskCompletionSource? _room;
    private int _backlog;
    private int _behind;
    private readonly int _pruneEvery;
    private int _writtenSincePrune;

    public RunRecorder(IRunRecordStore store, FlowHostOptions options, TimeProvider time, ILogger logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _pruneEvery = Math.Max(MinPruneEvery, options.RetentionCount / 10);
        // Unbounded: the backlog is bounded by the callers' wait for room, never by dropping records.
        _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Queues a finished run for writing. Completes at once (without allocating) while the backlog is under
    /// <see cref="MaxBacklog"/>; above it, once the writer has made room or after <see cref="RoomWait"/>. The record is
    /// queued either way.
    /// </summary>
    public ValueTask RecordAsync(CompletedRun run, object payload)
    {
        var draft = new RunRecordDraft(run, run.Failed ? PayloadRedactor.ToJson(payload) : null);
        if (!_pending.Writer.TryWrite(new Pending(draft, null)))
        {
            // Only after DisposeAsync, when the host has stopped and waited for its runs.
            LogLostAfterStop(_logger, run.RunId, run.FlowId);
            return ValueTask.CompletedTask;
        }

        return Interlocked.Increment(ref _backlog) <= MaxBacklog ? ValueTask.CompletedTask : new ValueTask(WaitForRoomAsync());
    }

    /// <summary>Waits until every run recorded before this call is written.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite(new Pending(null, written)))
        {
            return;
        }

        await written.Task.WaitAsync(ct);
    }

    /// <summary>Applies the retention limits now.</summary>
    public async Task PruneAsync(CancellationToken ct)
    {
        try
        {
            var olderThan = _time.GetUtcNow().AddDays(-_options.RetentionDays);
            var deleted = await _store.PruneAsync(olderThan, _options.RetentionCount, ct);
            if (deleted > 0)
            {
                LogPruned(_logger, deleted);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPruneFailed(_logger, e.Message);
        }
    }

    /// <summary>Writes what is queued (one last attempt per batch) and stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _writer;
        _stopping.Dispose();
    }

    // Waits until the writer brings the backlog back to MaxBacklog, or RoomWait has passed.
    private async Task WaitForRoomAsync()
    {
        var started = _time.GetTimestamp();
        while (Volatile.Read(ref _backlog) > MaxBacklog)
        {
            Task room;
            lock (_roomLock)
            {
                room = (_room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            // Read again after registering: a batch written just before would otherwise leave this wait unanswered.
            var left = RoomWait - _time.GetElapsedTime(started);
            if (Volatile.Read(ref _backlog) <= MaxBacklog)
            {
                return;
            }

            if (left <= TimeSpan.Zero)
            {
                if (Interlocked.Exchange(ref _behind, 1) == 0)
                {
                    LogFallingBehind(_logger, Volatile.Read(ref _backlog), RoomWait.TotalSeconds);
                }

                return;
            }

            await room.WaitAsync(left, _time).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    // After a batch: wakes the callers waiting for room once there is some, and ends an episode of falling behind.
    private void Written(int count)
    {
        var backlog = Interlocked.Add(ref _backlog, -count);
        if (backlog > MaxBacklog)
        {
            return;
        }

        TaskCompletionSource? room;
        lock (_roomLock)
        {
            room = _room;
            _room = null;
        }

        room?.TrySetResult();
        if (backlog <= MaxBacklog / 2 && Interlocked.Exchange(ref _behind, 0) == 1)
        {
            LogCaughtUp(_logger, backlog);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<RunRecordDraft>(_options.RecordBatchSize);
        var flushes = new List<TaskCompletionSource>();
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < _options.RecordBatchSize && reader.TryRead(out var item))
            {
                if (item.Draft is { } draft)
                {
                    batch.Add(draft);
                }
                else if (item.Flushed is { } flushed)
                {
                    flushes.Add(flushed);
                    break;
                }
            }

            await WriteAsync(batch);
            Written(batch.Count);
            batch.Clear();
            flushes.ForEach(f => f.TrySetResult());
            flushes.Clear();
        }
    }

    private async Task WriteAsync(List<RunRecordDraft> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await _store.WriteAsync(batch, CancellationToken.None);
                break;
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                LogWriteRetry(_logger, batch.Count, delay.TotalSeconds, e.Message);
                await Task.Delay(delay, _time, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
            catch (Exception e)
            {
                LogWriteLost(_logger, batch.Count, e.Message);
                return;
            }
        }

        _writtenSincePrune += batch.Count;
        if (_writtenSincePrune >= _pruneEvery)
        {
            _writtenSincePrune = 0;
            await PruneAsync(CancellationToken.None);
        }
    }

    // One queue entry: a run to write, or a flush request that completes once everything before it is written.
    private readonly record struct Pending(RunRecordDraft? Draft, TaskCompletionSource? Flushed);

    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Writing {Count} run records failed; retrying in {Seconds} s: {Reason}")]
    private static partial void LogWriteRetry(ILogger logger, int count, double seconds, string reason);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Error, Message = "{Count} run records could not be written while the host stopped: {Reason}")]
    private static partial void LogWriteLost(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 1407, Level = LogLevel.Error, Message = "The host has stopped; the record of run {RunId} of flow {FlowId}, finished after it, is not written")]
    private static partial void LogLostAfterStop(ILogger logger, Guid runId, string flowId);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Retention removed {Count} old run records")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Applying run-record retention failed: {Reason}")]
    private static partial void LogPruneFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Run-record writes fall behind: {Backlog} records wait; raises wait up to {Seconds} s for room, and no record is dropped")]
    private static partial void LogFallingBehind(ILogger logger, int backlog, double seconds);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Information, Message = "Run-record writes caught up: {Backlog} records wait")]
    private static partial void LogCaughtUp(ILogger logger, int backlog);
}
