using FlowCompiler.Runtime.Persistence;
using Npgsql;

namespace FlowCompiler.Bench.Probes;

/// <summary>Runs a probe on its own new database of a PostgreSQL server, dropped afterwards; or on the probe's SQLite file.</summary>
internal static class ScratchPostgresDatabase
{
    /// <summary>
    /// Runs <paramref name="measure"/> with the options of a new database on <paramref name="server"/>, or with null (the
    /// probe's SQLite file) when no server is given; returns what it returns.
    /// </summary>
    public static string Run(string? server, Func<PanelDatabaseOptions?, Task<string>> measure)
    {
        if (server is null)
        {
            return measure(null).GetAwaiter().GetResult();
        }

        var database = new NpgsqlConnectionStringBuilder(server) { Database = $"flowc_bench_{Guid.NewGuid():N}" };
        try
        {
            return measure(new PanelDatabaseOptions { Provider = PanelDatabaseProvider.PostgreSql, ConnectionString = database.ConnectionString }).GetAwaiter().GetResult();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Database}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}
