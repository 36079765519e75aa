using FlowCompiler.Generator.Compilation;
using FlowCompiler.Hosting;
using FlowCompiler.Hosting.Queue;
using FlowCompiler.Hosting.Storage;
using FlowCompiler.Hosting.Telemetry;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowCompiler.Tests.Hosting;

/// <summary>
/// A <see cref="FlowHost"/> over a fresh SQLite panel database and compile cache in a temporary folder, or over a
/// migrated database it is given (several engines on one database are several panel processes); started unless asked not to.
/// </summary>
internal sealed class TestEngine : IAsyncDisposable
{
    private readonly string _folder;

    private TestEngine(string folder, PanelDbContextFactory database, FlowHost host, PanelRunRecordStore runs)
    {
        _folder = folder;
        Database = database;
        Host = host;
        Runs = runs;
    }

    public PanelDbContextFactory Database { get; }

    public FlowHost Host { get; }

    public PanelRunRecordStore Runs { get; }

    /// <summary>A compile cache shared by all host tests, so each flow variant is compiled once per test run.</summary>
    public static FlowCache SharedCache { get; } = new(Path.Combine(Path.GetTempPath(), "flowc-host-tests-cache"));

    public static async Task<TestEngine> StartAsync(ActionSink actions, FlowHostOptions? options = null, TimeProvider? time = null, string? databaseFile = null, FlowCache? cache = null, PanelDbContextFactory? migrated = null, bool start = true)
    {
        var folder = Directory.CreateTempSubdirectory("flowc-host-").FullName;
        var database = migrated ?? new PanelDbContextFactory(new PanelDatabaseOptions
        {
            ConnectionString = $"Data Source={databaseFile ?? Path.Combine(folder, "panel.db")}",
        });
        if (migrated is null)
        {
            await PanelDatabase.MigrateAsync(database, CancellationToken.None);
        }

        var clock = time ?? TimeProvider.System;
        var runs = new PanelRunRecordStore(database);
        var host = new FlowHost(
            cache ?? SharedCache,
            new PanelFlowVersionStore(database, clock),
            runs,
            actions,
            new PanelDurableRunQueue(database, clock),
            new RunLedger(database, clock),
            options ?? new FlowHostOptions(),
            new FlowTelemetry(),
            clock,
            NullLoggerFactory.Instance);
        if (start)
        {
            await host.StartAsync();
        }

        return new TestEngine(folder, database, host, runs);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
