namespace FlowCompiler.Runtime.Persistence;

/// <summary>The database engines the panel database runs on.</summary>
public enum PanelDatabaseProvider
{
    /// <summary>An embedded SQLite file, created on first start: the default.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql.</summary>
    PostgreSql,

    /// <summary>Microsoft SQL Server.</summary>
    SqlServer,
}
