using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FlowCompiler.Runtime.Persistence;

/// <summary>
/// Turns a provider's exception into a <see cref="PanelDatabaseException"/> that says what to fix. Messages
/// name the file, host and port (never the user, password or the whole connection string).
/// </summary>
internal static class PanelDatabaseFault
{
    private const int SqliteError = 1;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    /// <summary>The configuration key the SQLite file comes from, named where the file is the problem.</summary>
    internal static readonly string ConnectionStringKey =
        Configuration.FlowRuntimeSections.Key(Configuration.FlowRuntimeSections.Database, nameof(PanelDatabaseOptions.ConnectionString));

    /// <summary>The explained fault, or null when <paramref name="error"/> is not a database fault (it then propagates as is).</summary>
    public static PanelDatabaseException? Explain(Exception error, PanelDatabaseOptions options)
    {
        var cause = Cause(error);
        var timeout = $"{options.CommandTimeout.TotalSeconds:0.#} s";
        var message = cause switch
        {
            SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } =>
                $"The SQLite panel database {SqliteFile(options)} stayed locked for {timeout}: another process or a long transaction holds it. " +
                "Close the program that keeps it open, or raise the database command timeout.",
            SqliteException { SqliteErrorCode: SqliteCantOpen } =>
                $"The SQLite panel database {SqliteFile(options)} cannot be opened: check that its folder exists and is writable, or point {ConnectionStringKey} elsewhere.",
            SqliteException { SqliteErrorCode: SqliteReadOnly } =>
                $"The SQLite panel database {SqliteFile(options)} is read-only: give this process write access to the file and its folder, or point {ConnectionStringKey} elsewhere.",
            SqliteException { SqliteErrorCode: SqliteNotADatabase } =>
                $"{SqliteFile(options)} is not a SQLite database: point the connection string's Data Source at the panel database file.",
            SqliteException { SqliteErrorCode: SqliteError } e when e.Message.Contains("no such table", StringComparison.Ordinal) =>
                $"The SQLite panel database {SqliteFile(options)} has no panel tables ({SqliteMissingTable(e.Message)}): " +
                "apply the migrations at start-up (PanelDatabase.MigrateAsync).",
            PostgresException { SqlState: "28P01" or "28000" } =>
                $"PostgreSQL at {PostgresServer(options)} refused the user name or password of the connection string: check the credentials.",
            PostgresException { SqlState: "3D000" } =>
                $"PostgreSQL at {PostgresServer(options)} has no database of the name in the connection string: create it, or fix the Database setting.",
            PostgresException { SqlState: "42P01" } e =>
                $"The PostgreSQL panel database has no panel tables ({e.MessageText}): apply the migrations at start-up (PanelDatabase.MigrateAsync).",
            PostgresException { SqlState: "57P03" or "53300" } e =>
                $"PostgreSQL at {PostgresServer(options)} does not accept connections now ({e.MessageText}): try again when it is up.",
            NpgsqlException { InnerException: TimeoutException } =>
                $"PostgreSQL at {PostgresServer(options)} did not answer within {timeout}: check the server's load and locks, or raise the database command timeout.",
            NpgsqlException e when e is not PostgresException =>
                $"Cannot reach PostgreSQL at {PostgresServer(options)} ({Reason(e)}): check that the server runs and that Host and Port in the connection string are right.",
            SqlException { Number: -2 } =>
                $"SQL Server did not answer within {timeout}: check the server's load and locks, or raise the database command timeout.",
            SqlException { Number: 18456 } =>
                "SQL Server refused the login of the connection string: check the credentials.",
            SqlException { Number: 2 or 53 or 40 or 10060 or 10061 or 11001 } =>
                "Cannot reach SQL Server: check that the server runs and that the connection string's Server is right.",
            _ => null,
        };
        return message is null ? null : new PanelDatabaseException(message, error);
    }

    // EF wraps provider errors: in DbUpdateException on save, in InvalidOperationException when its execution
    // strategy deems them transient.
    private static Exception Cause(Exception error) => error switch
    {
        DbUpdateException { InnerException: { } inner } => inner,
        InvalidOperationException { InnerException: DbException inner } => inner,
        _ => error,
    };

    // "SQLite Error 1: 'no such table: users'." → "no such table: users"
    private static string SqliteMissingTable(string message)
    {
        var start = message.IndexOf("no such table", StringComparison.Ordinal);
        var end = message.IndexOf('\'', start);
        return end < 0 ? message[start..] : message[start..end];
    }

    private static string SqliteFile(PanelDatabaseOptions options)
    {
        var source = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        return $"\"{(source.Length == 0 ? ":memory:" : Path.GetFullPath(source))}\"";
    }

    private static string PostgresServer(PanelDatabaseOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"{builder.Host}:{builder.Port}";
    }

    private static string Reason(NpgsqlException error) => error.InnerException switch
    {
        SocketException socket => socket.SocketErrorCode.ToString(),
        { } inner => inner.GetType().Name,
        null => "connection failed",
    };
}
