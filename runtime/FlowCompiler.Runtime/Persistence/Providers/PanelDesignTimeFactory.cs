using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlowCompiler.Runtime.Persistence.Providers;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build each provider's context. Generating a migration never connects,
/// so the connection strings are placeholders.
/// </summary>
internal sealed class PanelDesignTimeFactory :
    IDesignTimeDbContextFactory<SqlitePanelDbContext>,
    IDesignTimeDbContextFactory<PostgreSqlPanelDbContext>,
    IDesignTimeDbContextFactory<SqlServerPanelDbContext>
{
    SqlitePanelDbContext IDesignTimeDbContextFactory<SqlitePanelDbContext>.CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePanelDbContext>().UseSqlite("Data Source=design.db").Options);

    PostgreSqlPanelDbContext IDesignTimeDbContextFactory<PostgreSqlPanelDbContext>.CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlPanelDbContext>().UseNpgsql("Host=localhost").Options);

    SqlServerPanelDbContext IDesignTimeDbContextFactory<SqlServerPanelDbContext>.CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPanelDbContext>().UseSqlServer("Server=localhost").Options);
}
