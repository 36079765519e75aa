using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Providers;

/// <summary>The panel database on SQL Server; owns the SQL Server migrations.</summary>
public sealed class SqlServerPanelDbContext(DbContextOptions<SqlServerPanelDbContext> options) : PanelDbContext(options)
{
    /// <inheritdoc />
    public override PanelDatabaseProvider Provider => PanelDatabaseProvider.SqlServer;
}
