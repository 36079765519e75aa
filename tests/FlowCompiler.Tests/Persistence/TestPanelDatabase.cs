using FlowCompiler.Runtime.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FlowCompiler.Tests.Persistence;

/// <summary>
/// A fresh, migrated panel database for one test: a temp SQLite file, or a new database on the test
/// PostgreSQL server. Disposing drops it.
/// </summary>
public sealed class TestPanelDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private TestPanelDatabase(PanelDbContextFactory factory, Func<Task> drop)
    {
        Factory = factory;
        _drop = drop;
    }

    public PanelDbContextFactory Factory { get; }

    public static async Task<TestPanelDatabase> CreateAsync(PanelDatabaseProvider provider, TimeSpan? commandTimeout = null)
    {
        var database = provider switch
        {
            PanelDatabaseProvider.Sqlite => CreateSqlite(commandTimeout),
            PanelDatabaseProvider.PostgreSql => await CreatePostgresAsync(commandTimeout),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "no server for this provider here"),
        };
        await PanelDatabase.MigrateAsync(database.Factory, CancellationToken.None);
        return database;
    }

    public async ValueTask DisposeAsync() => await _drop();

    public static string TempSqlitePath() =>
        Path.Combine(Path.GetTempPath(), "flowc-tests", $"{Guid.NewGuid():N}", "panel.db");

    private static TestPanelDatabase CreateSqlite(TimeSpan? commandTimeout)
    {
        var path = TempSqlitePath();
        var options = new PanelDatabaseOptions
        {
            Provider = PanelDatabaseProvider.Sqlite,
            ConnectionString = $"Data Source={path}",
            CommandTimeout = commandTimeout ?? TimeSpan.FromSeconds(30),
        };
        return new TestPanelDatabase(new PanelDbContextFactory(options), () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestPanelDatabase> CreatePostgresAsync(TimeSpan? commandTimeout)
    {
        var server = TestPostgres.Require();
        var name = $"flowc_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var options = new PanelDatabaseOptions
        {
            Provider = PanelDatabaseProvider.PostgreSql,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 60 }.ConnectionString,
            CommandTimeout = commandTimeout ?? TimeSpan.FromSeconds(30),
        };
        return new TestPanelDatabase(new PanelDbContextFactory(options), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
