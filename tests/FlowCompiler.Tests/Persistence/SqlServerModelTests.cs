using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Ipam;
using FlowCompiler.Runtime.Persistence.Lookups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FlowCompiler.Tests.Persistence;

/// <summary>
/// No SQL Server can run on this machine: the SQL Server model is checked through the SQL EF Core generates
/// for it, which needs no connection.
/// </summary>
public sealed class SqlServerModelTests
{
    private static PanelDbContext Context() => new PanelDbContextFactory(new PanelDatabaseOptions
    {
        Provider = PanelDatabaseProvider.SqlServer,
        ConnectionString = "Server=127.0.0.1;Database=panel;User Id=flowc;Password=not-a-secret-here;TrustServerCertificate=true",
    }).Create();

    [Fact]
    public void The_migration_script_creates_every_table_with_its_keys_and_unique_addresses()
    {
        using var context = Context();
        var script = context.GetService<IMigrator>().GenerateScript();

        foreach (var table in new[] { "users", "servers", "charges", "balances", "packages", "templates", "ipv4Ranges", "ipv4Addresses",
                     "ipv6Ranges", "ipv6Addresses", "tags", "tickets", "ticketMessages", "flowVersions", "runs", "runQueue" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script);
        }

        Assert.Contains("CREATE UNIQUE INDEX [IX_ipv4Addresses_fk_ipam_ip] ON [ipv4Addresses] ([fk_ipam], [ip]);", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_ipv6Addresses_fk_ipam_ip] ON [ipv6Addresses] ([fk_ipam], [ip]);", script);
        Assert.Contains("[ip] nvarchar(45) NOT NULL", script);
        Assert.Contains("[balance] decimal(18,4) NOT NULL", script);
        Assert.Contains("[createdAt] datetime2 NOT NULL", script);
        Assert.Contains("CONSTRAINT [PK_flowVersions] PRIMARY KEY ([flowId], [version])", script);
        Assert.Contains("REFERENCES [tickets] ([id]) ON DELETE CASCADE", script);
        // A run's nodes are a JSON column of its row, no longer a table.
        Assert.Contains("DROP TABLE [runNodes]", script);
    }

    [Fact]
    public void A_join_on_another_column_is_one_parameterized_query_in_id_order()
    {
        using var context = Context();
        var predicate = PanelColumn.Of<ServerRow>("servers", "userid").EqualsValue<ServerRow>(7)!;

        var sql = context.Servers.AsNoTracking().Where(predicate).OrderBy(s => s.Id).ToQueryString();

        // The value travels as a parameter, not inlined into the SQL text.
        Assert.StartsWith("DECLARE @Value int = 7;", sql);
        Assert.Contains("WHERE [s].[userid] = @Value", sql);
        Assert.Contains("ORDER BY [s].[id]", sql);
    }

    [Fact]
    public void Ipam_locks_the_range_row_with_an_update_lock_held_to_the_end_of_the_transaction()
    {
        using var context = Context();

        Assert.Equal("SELECT 1 FROM [ipv4Ranges] WITH (UPDLOCK, HOLDLOCK) WHERE [id] = {0}", RangeLock.Statement(context, typeof(Ipv4RangeRow)));
        Assert.Equal("SELECT 1 FROM [ipv6Ranges] WITH (UPDLOCK, HOLDLOCK) WHERE [id] = {0}", RangeLock.Statement(context, typeof(Ipv6RangeRow)));
    }
}
