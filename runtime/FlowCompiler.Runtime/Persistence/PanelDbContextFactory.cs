using FlowCompiler.Runtime.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence;

/// <summary>
/// Creates <see cref="PanelDbContext"/>s for the configured provider. Thread-safe: the data services create
/// one short-lived context per call, so parallel runs never share one. Database faults leave
/// <see cref="UseAsync{T}"/> as a <see cref="PanelDatabaseException"/> that says what to fix.
/// </summary>
public sealed class PanelDbContextFactory
{
    private readonly Func<PanelDbContext> _create;

    /// <summary>Prepares contexts for <paramref name="options"/>; nothing connects until a context is used.</summary>
    /// <exception cref="PanelDatabaseException">The connection string cannot be parsed.</exception>
    public PanelDbContextFactory(PanelDatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var timeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        _create = options.Provider switch
        {
            PanelDatabaseProvider.Sqlite => Prepare(
                new DbContextOptionsBuilder<SqlitePanelDbContext>().UseSqlite(SqliteConnectionString(options, timeout), o => o.CommandTimeout(timeout)),
                o => new SqlitePanelDbContext(o)),
            PanelDatabaseProvider.PostgreSql => Prepare(
                new DbContextOptionsBuilder<PostgreSqlPanelDbContext>().UseNpgsql(options.ConnectionString, o => o.CommandTimeout(timeout)),
                o => new PostgreSqlPanelDbContext(o)),
            PanelDatabaseProvider.SqlServer => Prepare(
                new DbContextOptionsBuilder<SqlServerPanelDbContext>().UseSqlServer(options.ConnectionString, o => o.CommandTimeout(timeout)),
                o => new SqlServerPanelDbContext(o)),
            _ => throw new PanelDatabaseException($"Unknown database provider {options.Provider}: use Sqlite, PostgreSql or SqlServer."),
        };
    }

    /// <summary>The options this factory was made with.</summary>
    public PanelDatabaseOptions Options { get; }

    /// <summary>A new context; the caller disposes it. Prefer <see cref="UseAsync{T}"/>, which also explains faults.</summary>
    public PanelDbContext Create() => _create();

    /// <summary>
    /// Runs <paramref name="work"/> on a new context and disposes it. A locked, missing or unreachable database
    /// becomes a <see cref="PanelDatabaseException"/> whose message says what to fix (never the connection string).
    /// </summary>
    public async Task<T> UseAsync<T>(Func<PanelDbContext, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await using var context = Create();
            return await work(context).ConfigureAwait(false);
        }
        catch (Exception error) when (PanelDatabaseFault.Explain(error, Options) is { } explained)
        {
            ct.ThrowIfCancellationRequested();
            throw explained;
        }
    }

    private static Func<PanelDbContext> Prepare<TContext>(DbContextOptionsBuilder<TContext> builder, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : PanelDbContext
    {
        var options = builder.Options;
        return () => create(options);
    }

    private static string SqliteConnectionString(PanelDatabaseOptions options, int timeoutSeconds)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException)
        {
            throw new PanelDatabaseException("The SQLite connection string cannot be parsed: write it as \"Data Source=path/to/panel.db\".");
        }

        // The busy timeout: how long a statement waits for another writer before it reports the database locked.
        builder.DefaultTimeout = timeoutSeconds;
        return builder.ToString();
    }
}
