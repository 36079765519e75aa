using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Ipam;
using FlowCompiler.Runtime.Persistence.Lookups;
using FlowCompiler.Runtime.Persistence.Tickets;
using FlowCompiler.Tests.Actions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FlowCompiler.Tests.Persistence;

public sealed class DatabaseFaultTests
{
    // Every wait below is bounded by the command timeout; this only keeps a broken build from hanging CI.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_locked_sqlite_database_fails_with_what_to_do()
    {
        await using var database = await TestPanelDatabase.CreateAsync(PanelDatabaseProvider.Sqlite, commandTimeout: TimeSpan.FromSeconds(1));
        await database.AddAsync(
            new Ipv4RangeRow { Id = 1, Start = "192.0.2.10", End = "192.0.2.20", Subnet = 24, Gateway = "192.0.2.1", Scope = "global", CreatedAt = PanelSeed.Created },
            new UserRow { Id = 7, Username = "alice", Email = "a@example.com", Register = PanelSeed.Created, Permission = 1 });
        var file = new SqliteConnectionStringBuilder(database.Factory.Options.ConnectionString).DataSource;

        // Another process holding the write lock, as a panel stuck in a long transaction would.
        await using var holder = new SqliteConnection($"Data Source={file};Pooling=False");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
        }

        var allocation = await Assert.ThrowsAsync<PanelDatabaseException>(() =>
            new IpamAllocator(database.Factory).AllocateIpv4Async(new IpamRequest("ipam", null, null), CancellationToken.None).WaitAsync(Bound));
        var ticket = await Assert.ThrowsAsync<PanelDatabaseException>(() =>
            new TicketWriter(database.Factory).CreateTicketAsync(new TicketRequest("t", "Title", "low", 7, "text"), CancellationToken.None).WaitAsync(Bound));

        var expected = $"The SQLite panel database \"{Path.GetFullPath(file)}\" stayed locked for 1 s: another process or a long transaction holds it. " +
            "Close the program that keeps it open, or raise the database command timeout.";
        Assert.Equal(expected, allocation.Message);
        Assert.Equal(expected, ticket.Message);
    }

    [Theory]
    [PostgresData]
    public async Task An_allocation_waits_for_the_postgres_range_lock_and_says_so_when_it_times_out(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider, commandTimeout: TimeSpan.FromSeconds(1));
        await database.AddAsync(new Ipv4RangeRow { Id = 1, Start = "192.0.2.10", End = "192.0.2.20", Subnet = 24, Gateway = "192.0.2.1", Scope = "global", CreatedAt = PanelSeed.Created });
        var connection = new NpgsqlConnectionStringBuilder(database.Factory.Options.ConnectionString);

        // Another allocation in progress: it holds the range row's lock.
        await using var holder = new NpgsqlConnection(connection.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockRange = new NpgsqlCommand("SELECT 1 FROM \"ipv4Ranges\" WHERE \"id\" = 1 FOR UPDATE", holder, transaction))
        {
            await lockRange.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<PanelDatabaseException>(() =>
            new IpamAllocator(database.Factory).AllocateIpv4Async(new IpamRequest("ipam", null, null), CancellationToken.None).WaitAsync(Bound));
        await transaction.RollbackAsync();
        var afterwards = await new IpamAllocator(database.Factory).AllocateIpv4Async(new IpamRequest("ipam", null, null), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal($"PostgreSQL at {connection.Host}:{connection.Port} did not answer within 1 s: check the server's load and locks, or raise the database command timeout.", error.Message);
        Assert.Equal("192.0.2.10", afterwards.Ip);
    }

    [Fact]
    public async Task A_sqlite_database_without_migrations_says_to_apply_them()
    {
        var path = TestPanelDatabase.TempSqlitePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var factory = new PanelDbContextFactory(new PanelDatabaseOptions { ConnectionString = $"Data Source={path}" });
        try
        {
            var error = await Assert.ThrowsAsync<PanelDatabaseException>(() =>
                new PanelLookups(factory).FindRowAsync<UserRow>(new DbLookup("join", "users", "id", 1), CancellationToken.None));

            Assert.Equal($"The SQLite panel database \"{path}\" has no panel tables (no such table: users): apply the migrations at start-up (PanelDatabase.MigrateAsync).", error.Message);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task An_unreachable_postgres_server_fails_without_showing_the_password()
    {
        var port = UnusedLoopbackPort.Find();
        var factory = new PanelDbContextFactory(new PanelDatabaseOptions
        {
            Provider = PanelDatabaseProvider.PostgreSql,
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=panel;Password=hunter2-secret;Database=panel;Timeout=5",
            CommandTimeout = TimeSpan.FromSeconds(5),
        });

        var error = await Assert.ThrowsAsync<PanelDatabaseException>(() =>
            new PanelLookups(factory).FindRowAsync<UserRow>(new DbLookup("join", "users", "id", 1), CancellationToken.None).WaitAsync(Bound));
        var start = await Assert.ThrowsAsync<PanelDatabaseException>(() => PanelDatabase.MigrateAsync(factory, CancellationToken.None).WaitAsync(Bound));

        Assert.Equal($"Cannot reach PostgreSQL at 127.0.0.1:{port} (ConnectionRefused): check that the server runs and that Host and Port in the connection string are right.", error.Message);
        Assert.Equal(error.Message, start.Message);
        Assert.DoesNotContain("hunter2", error.ToString());
    }

    [Theory]
    [PostgresData]
    public async Task A_missing_postgres_database_says_to_create_it(PanelDatabaseProvider provider)
    {
        var connection = new NpgsqlConnectionStringBuilder(TestPostgres.Require()) { Database = $"flowc_missing_{Guid.NewGuid():N}" };
        var factory = new PanelDbContextFactory(new PanelDatabaseOptions { Provider = provider, ConnectionString = connection.ConnectionString });

        var error = await Assert.ThrowsAsync<PanelDatabaseException>(() =>
            new PanelLookups(factory).FindRowAsync<UserRow>(new DbLookup("join", "users", "id", 1), CancellationToken.None).WaitAsync(Bound));

        Assert.Equal($"PostgreSQL at {connection.Host}:{connection.Port} has no database of the name in the connection string: create it, or fix the Database setting.", error.Message);
    }

    [Fact]
    public void An_unreadable_sqlite_connection_string_is_refused_at_once()
    {
        var error = Assert.Throws<PanelDatabaseException>(() =>
            new PanelDbContextFactory(new PanelDatabaseOptions { ConnectionString = "Data Source=panel.db;Colour=blue" }));

        Assert.Equal("The SQLite connection string cannot be parsed: write it as \"Data Source=path/to/panel.db\".", error.Message);
    }
}
