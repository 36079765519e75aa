using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Providers;

/// <summary>The panel database on SQLite; owns the SQLite migrations.</summary>
public sealed class SqlitePanelDbContext(DbContextOptions<SqlitePanelDbContext> options) : PanelDbContext(options)
{
    /// <inheritdoc />
    public override PanelDatabaseProvider Provider => PanelDatabaseProvider.Sqlite;
}
