namespace FlowCompiler.Runtime.Persistence;

/// <summary>Where the panel database is: the provider and its connection string (bound from configuration).</summary>
public sealed record PanelDatabaseOptions
{
    /// <summary>The connection string of the embedded default: a SQLite file in the host's content root (the working directory outside a host).</summary>
    public const string DefaultSqliteConnectionString = "Data Source=panel.db";

    /// <summary>The database engine; SQLite unless configured.</summary>
    public PanelDatabaseProvider Provider { get; init; } = PanelDatabaseProvider.Sqlite;

    /// <summary>The provider's connection string. It may hold a password: never log it or put it in a message.</summary>
    public string ConnectionString { get; init; } = DefaultSqliteConnectionString;

    /// <summary>
    /// How long a statement may wait for a lock or an answer before it fails (SQLite's busy timeout, the
    /// command timeout elsewhere). Bounded so a locked database fails a node instead of hanging a run.
    /// </summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(15);

    // A record prints every property, and the connection string may hold a password: leave it out.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Provider = ").Append(Provider).Append(", ConnectionString = ***, CommandTimeout = ").Append(CommandTimeout);
        return true;
    }
}
