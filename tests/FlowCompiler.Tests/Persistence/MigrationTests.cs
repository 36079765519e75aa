using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Tests.Persistence;

public sealed class MigrationTests
{
    private static readonly string[] ProjectTables = ["flowVersions", "flowDrafts", "runs", "runQueue", "runLedger"];

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Migrations_create_every_table_on_an_empty_database(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await using var context = database.Factory.Create();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        var expected = FlowTables.All.Select(t => t.GetCustomAttributes(typeof(Runtime.Catalog.FlowTableAttribute), false)
            .Cast<Runtime.Catalog.FlowTableAttribute>().Single().Name).Concat(ProjectTables);
        foreach (var table in expected)
        {
            // A count on every table proves it exists with the mapped columns on this provider.
            var entity = context.Model.GetEntityTypes().Single(e => e.GetTableName() == table);
            var count = await CountAsync(context, entity.ClrType);
            Assert.Equal(0, count);
        }
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Migrating_twice_changes_nothing(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await PanelDatabase.MigrateAsync(database.Factory, CancellationToken.None);

        await using var context = database.Factory.Create();
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_database_from_the_first_release_keeps_its_versions_and_gets_drafts(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await using (var first = database.Factory.Create())
        {
            var migrator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(first);
            await migrator.MigrateAsync(first.Database.GetMigrations().First());
            await first.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"flowVersions\" (\"flowId\", \"version\", \"name\", \"triggerEvent\", \"canonicalJson\", \"published\", \"contentHash\", \"updatedAt\") " +
                "VALUES ('welcome', 1, 'Welcome', 'account.registration', '{{}}', {0}, 'abc', {1})",
                true, new DateTime(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc));
        }

        await PanelDatabase.MigrateAsync(database.Factory, CancellationToken.None);

        await using var context = database.Factory.Create();
        var version = await context.FlowVersions.SingleAsync();
        Assert.Equal(new DateTime(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc), version.CreatedAt);
        Assert.Null(version.CreatedBy);
        Assert.Equal(0, await context.FlowDrafts.CountAsync());
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Runs_recorded_before_the_compact_rows_keep_their_nodes_in_order(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        var id = Guid.NewGuid();
        // As EF Core stores a Guid: upper-case text on SQLite, uuid on PostgreSQL.
        object runId = provider == PanelDatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
        await using (var before = database.Factory.Create())
        {
            var migrator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(before);
            await migrator.MigrateAsync(before.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_CompactRunRecords", StringComparison.Ordinal)).Last());
            await before.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"runs\" (\"id\", \"flowId\", \"flowVersion\", \"eventName\", \"status\", \"dryRun\", \"startedAt\", \"durationMs\") " +
                "VALUES ({0}, 'vip', 1, 'server.created', 'failed', {1}, {2}, 12.5)",
                runId, false, new DateTime(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc));
            // Stored out of order: the ordinal, not the insert order, is the execution order.
            await before.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"runNodes\" (\"runId\", \"ordinal\", \"nodeId\", \"status\", \"port\", \"durationMs\", \"error\") VALUES " +
                "({0}, 2, 'notify', 'failed', NULL, 10, 'answered 500 ✓'), ({0}, 0, 'trigger', 'succeeded', NULL, 0, NULL), ({0}, 1, 'is-vip', 'succeeded', 'true', 0.25, NULL)",
                runId);
        }

        await PanelDatabase.MigrateAsync(database.Factory, CancellationToken.None);

        await using var context = database.Factory.Create();
        var run = await context.Runs.SingleAsync();
        Assert.Equal(id, run.Id);
        Assert.Equal(
            [("trigger", NodeStatus.Succeeded, null, 0.0, null), ("is-vip", NodeStatus.Succeeded, "true", 0.25, null), ("notify", NodeStatus.Failed, null, 10.0, "answered 500 ✓")],
            run.Nodes.Select(n => (n.NodeId, n.Status, n.Port, n.DurationMs, n.Error)));
    }

    [Fact]
    public async Task The_sqlite_file_and_its_folder_are_created_on_first_start()
    {
        var path = TestPanelDatabase.TempSqlitePath();
        var factory = new PanelDbContextFactory(new PanelDatabaseOptions { ConnectionString = $"Data Source={path}" });
        try
        {
            await PanelDatabase.MigrateAsync(factory, CancellationToken.None);

            Assert.True(File.Exists(path));
            await using var context = factory.Create();
            Assert.Equal("wal", await context.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToAsyncEnumerable().SingleAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [InlineData(PanelDatabaseProvider.PostgreSql)]
    [InlineData(PanelDatabaseProvider.SqlServer)]
    public void Each_providers_migrations_match_the_model(PanelDatabaseProvider provider)
    {
        // No connection needed: compares the model with the provider's last migration snapshot.
        var connection = provider switch
        {
            PanelDatabaseProvider.Sqlite => "Data Source=unused.db",
            PanelDatabaseProvider.PostgreSql => "Host=127.0.0.1;Database=unused",
            _ => "Server=127.0.0.1;Database=unused",
        };
        using var context = new PanelDbContextFactory(new PanelDatabaseOptions { Provider = provider, ConnectionString = connection }).Create();

        Assert.False(context.Database.HasPendingModelChanges(), $"the {provider} migrations are behind the model: add a migration (docs/database.md)");
    }

    private static Task<int> CountAsync(PanelDbContext context, Type entity) =>
        (Task<int>)typeof(MigrationTests).GetMethod(nameof(CountOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entity).Invoke(null, [context])!;

    private static Task<int> CountOf<T>(PanelDbContext context) where T : class => context.Set<T>().CountAsync();
}
