using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence;

/// <summary>Start-up of the panel database: one call creates it if needed and applies every pending migration.</summary>
public static class PanelDatabase
{
    /// <summary>
    /// Brings the database of <paramref name="factory"/> up to the current schema. For SQLite the file (and its
    /// folder) is created on first start and switched to write-ahead logging, so readers never wait for a writer.
    /// </summary>
    /// <exception cref="PanelDatabaseException">The database cannot be reached, opened or changed; the message says what to fix.</exception>
    public static async Task MigrateAsync(PanelDbContextFactory factory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (factory.Options.Provider == PanelDatabaseProvider.Sqlite)
        {
            CreateSqliteFolder(factory.Options);
        }

        await factory.UseAsync(async context =>
        {
            await context.Database.MigrateAsync(ct).ConfigureAwait(false);
            if (context.Provider == PanelDatabaseProvider.Sqlite)
            {
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct).ConfigureAwait(false);
            }

            return true;
        }, ct).ConfigureAwait(false);
    }

    private static void CreateSqliteFolder(PanelDatabaseOptions options)
    {
        var source = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        var folder = source.Length == 0 || source == ":memory:" ? null : Path.GetDirectoryName(Path.GetFullPath(source));
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PanelDatabaseException(
                $"The folder \"{folder}\" of the SQLite panel database cannot be created ({e.Message}): " +
                $"set the Data Source of {PanelDatabaseFault.ConnectionStringKey} to a file in a folder this process may write.", e);
        }
    }
}
