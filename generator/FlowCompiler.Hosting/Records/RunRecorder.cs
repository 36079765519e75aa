using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Hosting.Records;

/// <summary>
/// Writes run records off the hot path: finished runs go into a queue, and one background loop writes them
/// in batches and applies the retention limits now and then. A database that is down delays the records
/// (the batch is retried with back-off) but never fails a run or blocks the caller; only when the backlog
/// passes <see cref="MaxBacklog"/> are the oldest records dropped, and each drop is logged.
/// </summary>
internal sealed partial class RunRecorder : IAsyncDisposable
{
    /// <summary>Records kept waiting while the database cannot take them.</summary>
    public const int MaxBacklog = 50_000;

    // Retention costs a query or two: run it once per this many records written.
    private const int PruneEvery = 1_000;

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly Channel<Pending> _pending;
    private readonly IRunRecordStore _store;
    private readonly FlowHostOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private int _writtenSincePrune;

    public RunRecorder(IRunRecordStore store, FlowHostOptions options, TimeProvider time, ILogger logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _pending = Channel.CreateBounded<Pending>(
            new BoundedChannelOptions(MaxBacklog) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest },
            dropped => LogDropped(_logger, dropped.Draft?.Run.FlowId ?? "", dropped.Draft?.Run.RunId ?? Guid.Empty));
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues a finished run for writing; never blocks.</summary>
    public void Record(CompletedRun run, object payload)
    {
        var draft = new RunRecordDraft(run, run.Failed ? PayloadRedactor.ToJson(payload) : null);
        _pending.Writer.TryWrite(new Pending(draft, null));
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
        if (_writtenSincePrune >= PruneEvery)
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

    [LoggerMessage(EventId = 1402, Level = LogLevel.Error, Message = "The run-record backlog is full; the record of run {RunId} of flow {FlowId} was dropped")]
    private static partial void LogDropped(ILogger logger, string flowId, Guid runId);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Retention removed {Count} old run records")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Applying run-record retention failed: {Reason}")]
    private static partial void LogPruneFailed(ILogger logger, string reason);
}
