using FlowCompiler.Runtime.Configuration;
using FlowCompiler.Runtime.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Hosting;

/// <summary>
/// Start-up of the embedded engine: brings the panel database to the current schema, then starts the host
/// (<see cref="FlowHost.StartAsync"/>: the published flows, the publish folder, the queue's worker). Stopping takes no
/// more events and no more queued runs, lets the runs in progress finish within the application's shutdown timeout,
/// leaves the rest durably queued for the next start, and writes the records.
/// </summary>
public sealed partial class FlowHostStartup(FlowHost host, PanelDbContextFactory database, ILoggerFactory loggers) : IHostedService
{
    private readonly ILogger _logger = loggers.CreateLogger(FlowLogCategories.Startup);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PanelDatabase.MigrateAsync(database, cancellationToken);
        }
        catch (Exception e)
        {
            // Whoever awaits IFlowHost.Ready learns why, instead of waiting for ever.
            host.FailStart(e);
            LogFailed(_logger, e.Message);
            throw;
        }

        StartupSummary summary;
        try
        {
            summary = await host.StartAsync(cancellationToken);
        }
        catch (Exception e)
        {
            LogFailed(_logger, e.Message);
            throw;
        }

        LogStarted(_logger, summary.Loaded, summary.CacheHits, summary.Published, summary.Failed.Count);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var handedBack = await host.StopAsync(cancellationToken);
        var pending = await PendingAsync();
        LogStopped(_logger, handedBack, pending);
        await host.DisposeAsync();
    }

    // How many runs wait for the next start; the database may be what failed, and stopping goes on regardless.
    private async Task<string> PendingAsync()
    {
        try
        {
            var (pending, _) = await host.CountQueuedRunsAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
            return pending.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception)
        {
            return "an unknown number of";
        }
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Stopped: {HandedBack} runs in progress were handed back unfinished; {Pending} runs stay queued for the next start")]
    private static partial void LogStopped(ILogger logger, int handedBack, string pending);

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Loaded {Count} published flows ({CacheHits} from the compile cache), published {Published} from the publish folder; {Failed} failed")]
    private static partial void LogStarted(ILogger logger, int count, int cacheHits, int published, int failed);

    // The message only: it says what to fix; the host's own log of the failed start carries the exception.
    [LoggerMessage(EventId = 1001, Level = LogLevel.Critical, Message = "FlowCompiler could not start: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
