using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Providers;

/// <summary>The panel database on PostgreSQL; owns the PostgreSQL migrations.</summary>
public sealed class PostgreSqlPanelDbContext(DbContextOptions<PostgreSqlPanelDbContext> options) : PanelDbContext(options)
{
    /// <inheritdoc />
    public override PanelDatabaseProvider Provider => PanelDatabaseProvider.PostgreSql;
}
