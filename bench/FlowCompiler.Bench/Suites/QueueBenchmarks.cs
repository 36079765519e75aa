using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FlowCompiler.Hosting.Queue;
using FlowCompiler.Runtime.Persistence;
using Microsoft.Data.Sqlite;

namespace FlowCompiler.Bench.Suites;

/// <summary>
/// Durably accepting events into the run queue, on an SQLite file (WAL, <c>synchronous=FULL</c>) and, when
/// <c>FLOWC_TEST_POSTGRES</c> names a server, on PostgreSQL: one commit per event (callers one after another, the
/// baseline) against group commit (1,000 callers at once, answered when the batch holding their event has
/// committed). Times are per event; the inverse is accepted events per second.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class QueueBenchmarks
{
    private const int Events = 1_000;

    private string? _folder;
    private string? _postgresDatabase;
    private PanelDbContextFactory? _database;
    private PanelDurableRunQueue? _queue;

    /// <summary>The database the queue is on.</summary>
    [ParamsSource(nameof(Providers))]
    public PanelDatabaseProvider Provider { get; set; }

    /// <summary>SQLite always; PostgreSQL when a server is configured.</summary>
    public static IEnumerable<PanelDatabaseProvider> Providers() =>
        Environment.GetEnvironmentVariable("FLOWC_TEST_POSTGRES") is { Length: > 0 }
            ? [PanelDatabaseProvider.Sqlite, PanelDatabaseProvider.PostgreSql]
            : [PanelDatabaseProvider.Sqlite];

    /// <summary>A fresh, migrated panel: an SQLite file in a temporary folder, or a new PostgreSQL database.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("flowc-bench-queue-").FullName;
        var options = new PanelDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "panel.db")}" };
        if (Provider == PanelDatabaseProvider.PostgreSql)
        {
            var server = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("FLOWC_TEST_POSTGRES"));
            _postgresDatabase = $"flowc_bench_{Guid.NewGuid():N}";
            options = new PanelDatabaseOptions { Provider = Provider, ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = _postgresDatabase }.ConnectionString };
        }

        _database = new PanelDbContextFactory(options);
        PanelDatabase.MigrateAsync(_database, CancellationToken.None).GetAwaiter().GetResult();
        _queue = new PanelDurableRunQueue(_database, TimeProvider.System);
    }

    /// <summary>Each event waits for its own commit before the next is accepted.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public async Task CommitPerEvent()
    {
        for (var i = 0; i < Events; i++)
        {
            await _queue!.AcceptAsync([Run(i)], CancellationToken.None);
        }
    }

    /// <summary>All events are accepted concurrently; the writer commits them in batches.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public Task GroupCommit() =>
        Task.WhenAll(Enumerable.Range(0, Events).Select(i => _queue!.AcceptAsync([Run(i)], CancellationToken.None)));

    /// <summary>Stops the queue and removes the database.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _queue?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            using var server = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("FLOWC_TEST_POSTGRES"));
            server.Open();
            using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", server);
            drop.ExecuteNonQuery();
        }

        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static QueuedRun Run(int i) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "welcome-mail", 1, "account.registration", $$"""{"id":{{i}},"email":"user{{i}}@example.org"}""");
}
