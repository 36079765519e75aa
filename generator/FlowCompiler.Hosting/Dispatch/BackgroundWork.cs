using Microsoft.Extensions.Logging;

namespace FlowCompiler.Hosting.Dispatch;

/// <summary>
/// The host's background work (JIT warm-up of loaded flows, repacking load contexts): one piece at a time,
/// in the order scheduled, off the caller's thread. A failure is logged and never reaches the panel;
/// disposing stops what has not started and cancels what is running.
/// </summary>
internal sealed partial class BackgroundWork(ILogger logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _last = Task.CompletedTask;

    /// <summary>Completes when everything scheduled so far has run.</summary>
    public Task Idle
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>Schedules <paramref name="work"/> after everything scheduled before it.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        lock (_gate)
        {
            var previous = _last;
            var stopping = _stopping.Token;
            _last = Task.Run(async () =>
            {
                await previous;
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    await work(stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    LogFailed(logger, e);
                }
            });
        }
    }

    /// <summary>Cancels the work and waits until nothing runs.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Idle;
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 1204, Level = LogLevel.Error, Message = "Background work of the flow host failed; the flows keep running as they are")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
