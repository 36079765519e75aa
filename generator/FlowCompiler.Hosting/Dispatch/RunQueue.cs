using System.Threading.Channels;

namespace FlowCompiler.Hosting.Dispatch;

/// <summary>
/// The background queue for raises that do not wait for their runs. Bounded: when it is full, a raise waits
/// up to <see cref="FlowHostOptions.QueueFullWait"/> for room and then fails with
/// <see cref="FlowQueueFullException"/> — the caller always learns that an event was not taken.
/// Workers take runs in order; the runner's slots bound how many run at once.
/// </summary>
internal sealed class RunQueue : IAsyncDisposable
{
    private readonly Channel<QueuedRun> _queue;
    private readonly FlowRunner _runner;
    private readonly FlowHostOptions _options;
    private readonly Task[] _workers;

    public RunQueue(FlowRunner runner, FlowHostOptions options)
    {
        _runner = runner;
        _options = options;
        _queue = Channel.CreateBounded<QueuedRun>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
        _workers = [.. Enumerable.Range(0, options.MaxConcurrentRuns).Select(_ => Task.Run(WorkAsync))];
    }

    /// <summary>Runs waiting for a worker.</summary>
    public int Count => _queue.Reader.Count;

    /// <summary>Queues one run; completes at once when there is room.</summary>
    public ValueTask EnqueueAsync(ActiveFlow flow, string eventName, object payload, CancellationToken ct)
    {
        var run = new QueuedRun(flow, eventName, payload);
        return _queue.Writer.TryWrite(run) ? ValueTask.CompletedTask : WaitForRoomAsync(run, ct);
    }

    private async ValueTask WaitForRoomAsync(QueuedRun run, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(_options.QueueFullWait);
        try
        {
            await _queue.Writer.WriteAsync(run, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new FlowQueueFullException(run.EventName, _options.QueueCapacity, _options.QueueFullWait);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The flow host is stopping; the event was not queued.");
        }
    }

    private async Task WorkAsync()
    {
        await foreach (var run in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            // The runner records every outcome itself and never throws without a cancelled token.
            await _runner.RunAsync(run.Flow, run.EventName, run.Payload, CancellationToken.None);
        }
    }

    /// <summary>Takes no more runs, lets the queued ones finish, then stops the workers.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_workers);
    }

    private sealed record QueuedRun(ActiveFlow Flow, string EventName, object Payload);
}
