using System.Text;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Hosting;
using FlowCompiler.Hosting.Queue;
using FlowCompiler.Hosting.Storage;
using FlowCompiler.Hosting.Telemetry;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowCompiler.Bench.Flows;

/// <summary>
/// The product's <see cref="FlowHost"/> as the panel embeds it — flow versions and run records in a SQLite
/// panel database in a temporary folder, compiled flows in <paramref name="cacheFolder"/> — with actions going
/// to <paramref name="services"/>.
/// </summary>
public sealed class BenchHost(FlowHost host, PanelDbContextFactory database, string folder) : IAsyncDisposable
{
    /// <summary>The host.</summary>
    public FlowHost Host { get; } = host;

    /// <summary>The panel database of the host.</summary>
    public PanelDbContextFactory Database { get; } = database;

    /// <summary>
    /// Creates the database (a SQLite file, unless <paramref name="panel"/> names another) and the host, with default
    /// options unless <paramref name="options"/> are given.
    /// </summary>
    public static async Task<BenchHost> StartAsync(string cacheFolder, IFlowServices services, FlowHostOptions? options = null, PanelDatabaseOptions? panel = null)
    {
        var folder = Directory.CreateTempSubdirectory("flowc-bench-host-").FullName;
        var database = new PanelDbContextFactory(panel ?? new PanelDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "panel.db")}" });
        await PanelDatabase.MigrateAsync(database, CancellationToken.None);
        var host = new FlowHost(
            new FlowCache(cacheFolder),
            new PanelFlowVersionStore(database, TimeProvider.System),
            new PanelRunRecordStore(database),
            services,
            new PanelDurableRunQueue(database, TimeProvider.System),
            new RunLedger(database, TimeProvider.System),
            options ?? new FlowHostOptions(),
            new FlowTelemetry(),
            TimeProvider.System,
            NullLoggerFactory.Instance);
        await host.StartAsync();
        return new BenchHost(host, database, folder);
    }

    /// <summary>Publishes one flow; a flow that does not publish is a bug in the suite.</summary>
    public async Task PublishAsync(string json)
    {
        var result = await Host.PublishAsync(Encoding.UTF8.GetBytes(json));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"publishing {result.FlowId} failed: {string.Join("; ", result.Diagnostics.Select(d => d.Message))}");
        }
    }

    /// <summary>Waits for the host's background work (JIT warm-up of published flows, repacking), so it does not run during a measurement.</summary>
    public Task SettleAsync() => Host.Maintenance;

    /// <summary>Stops the host and removes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
