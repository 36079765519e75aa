using System.Data.Common;
using FlowCompiler.Runtime.Persistence.Records;
using Npgsql;
using NpgsqlTypes;

namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// Writes accepted runs into <c>runQueue</c> in bulk, in the column formats EF Core's mapping reads back: on SQLite
/// ids are upper-case text (as EF Core stores a <see cref="Guid"/> there) and states are lower-case names.
/// </summary>
internal static class QueueRows
{
    private const string Columns = "\"id\", \"eventId\", \"flowId\", \"flowVersion\", \"eventName\", \"payload\", \"state\", \"attempts\", \"availableAt\", \"enqueuedAt\"";
    private const string Queued = "queued";

    /// <summary>The row of a newly accepted run.</summary>
    public static QueuedRunRecord Record(QueuedRun run, long now) => new()
    {
        Id = run.RunId,
        EventId = run.EventId,
        FlowId = run.FlowId,
        FlowVersion = run.FlowVersion,
        EventName = run.EventName,
        Payload = run.Payload,
        State = QueuedRunState.Queued,
        AvailableAt = now,
        EnqueuedAt = now,
    };

    /// <summary>
    /// Inserts the runs inside <paramref name="transaction"/> (the queue's own, or a caller's: the outbox), with the
    /// fastest path of the connection's provider.
    /// </summary>
    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, IEnumerable<QueuedRun> runs, long now) => connection switch
    {
        NpgsqlConnection postgres => CopyPostgresAsync(postgres, runs, now),
        Microsoft.Data.Sqlite.SqliteConnection => InsertPreparedAsync(connection, transaction, runs, now, "$", guid => guid.ToString().ToUpperInvariant()),
        _ => InsertPreparedAsync(connection, transaction, runs, now, "@", guid => guid),
    };

    // One prepared insert, executed once per run. SQLite keeps a Guid as upper-case text, as EF Core writes it.
    private static async Task InsertPreparedAsync(DbConnection connection, DbTransaction transaction, IEnumerable<QueuedRun> runs, long now, string prefix, Func<Guid, object> guid)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        var p = prefix;
        insert.CommandText = $"INSERT INTO \"runQueue\" ({Columns}) VALUES ({p}id, {p}eventId, {p}flowId, {p}flowVersion, {p}eventName, {p}payload, '{Queued}', 0, {p}now, {p}now)";
        var id = Add(insert, p + "id");
        var eventId = Add(insert, p + "eventId");
        var flowId = Add(insert, p + "flowId");
        var flowVersion = Add(insert, p + "flowVersion");
        var eventName = Add(insert, p + "eventName");
        var payload = Add(insert, p + "payload");
        Add(insert, p + "now").Value = now;
        await insert.PrepareAsync().ConfigureAwait(false);
        foreach (var run in runs)
        {
            id.Value = guid(run.RunId);
            eventId.Value = guid(run.EventId);
            flowId.Value = run.FlowId;
            flowVersion.Value = run.FlowVersion;
            eventName.Value = run.EventName;
            payload.Value = run.Payload;
            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    // Binary COPY: one round trip for the whole batch.
    private static async Task CopyPostgresAsync(NpgsqlConnection connection, IEnumerable<QueuedRun> runs, long now)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"runQueue\" ({Columns}) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false);
        foreach (var run in runs)
        {
            await copy.StartRowAsync().ConfigureAwait(false);
            await copy.WriteAsync(run.RunId, NpgsqlDbType.Uuid).ConfigureAwait(false);
            await copy.WriteAsync(run.EventId, NpgsqlDbType.Uuid).ConfigureAwait(false);
            await copy.WriteAsync(run.FlowId, NpgsqlDbType.Varchar).ConfigureAwait(false);
            await copy.WriteAsync(run.FlowVersion, NpgsqlDbType.Integer).ConfigureAwait(false);
            await copy.WriteAsync(run.EventName, NpgsqlDbType.Varchar).ConfigureAwait(false);
            await copy.WriteAsync(run.Payload, NpgsqlDbType.Text).ConfigureAwait(false);
            await copy.WriteAsync(Queued, NpgsqlDbType.Varchar).ConfigureAwait(false);
            await copy.WriteAsync(0, NpgsqlDbType.Integer).ConfigureAwait(false);
            await copy.WriteAsync(now, NpgsqlDbType.Bigint).ConfigureAwait(false);
            await copy.WriteAsync(now, NpgsqlDbType.Bigint).ConfigureAwait(false);
        }

        await copy.CompleteAsync().ConfigureAwait(false);
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
