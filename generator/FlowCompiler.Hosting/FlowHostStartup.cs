using FlowCompiler.Runtime.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Hosting;

/// <summary>
/// Start-up of the embedded engine: brings the panel database to the current schema, then loads every
/// published flow through the compile cache. Stopping lets queued runs finish and writes their records.
/// </summary>
public sealed partial class FlowHostStartup(FlowHost host, PanelDbContextFactory database, ILogger<FlowHostStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PanelDatabase.MigrateAsync(database, cancellationToken);
        var (loaded, cacheHits) = await host.LoadPublishedAsync(cancellationToken);
        LogLoaded(logger, loaded, cacheHits);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await host.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} published flows ({CacheHits} from the compile cache)")]
    private static partial void LogLoaded(ILogger logger, int count, int cacheHits);
}
