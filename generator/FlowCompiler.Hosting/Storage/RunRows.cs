using System.Data.Common;
using System.Globalization;
using FlowCompiler.Hosting.Records;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace FlowCompiler.Hosting.Storage;

/// <summary>
/// Writes run records into <c>runs</c> in bulk, in the column formats EF Core's mapping reads back: on SQLite ids
/// are upper-case text and times EF Core's <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> text (as EF Core stores a
/// <see cref="Guid"/> and a <see cref="DateTime"/> there), statuses are lower-case names everywhere, and the nodes
/// are the JSON of <see cref="RunNodesJson"/>.
/// </summary>
internal static class RunRows
{
    private const string Columns = "\"id\", \"flowId\", \"flowVersion\", \"eventName\", \"status\", \"dryRun\", \"startedAt\", \"durationMs\", \"error\", \"eventPayload\", \"nodes\", \"interpreted\"";

    /// <summary>The record of <paramref name="draft"/>, as EF Core tracks it.</summary>
    public static RunRecord Record(RunRecordDraft draft)
    {
        var run = draft.Run;
        return new RunRecord
        {
            Id = run.RunId,
            FlowId = run.FlowId,
            FlowVersion = run.Version,
            EventName = run.EventName,
            Status = run.Result.Status,
            StartedAt = run.StartedAt.UtcDateTime,
            DurationMs = run.Result.Duration.TotalMilliseconds,
            Error = run.Error,
            EventPayload = draft.RedactedPayload,
            Nodes = Nodes(run.Result),
            Interpreted = run.Tier == FlowTier.Interpreted,
        };
    }

    /// <summary>
    /// Inserts the records inside <paramref name="transaction"/> with the fastest path of the connection's provider:
    /// binary COPY on PostgreSQL, elsewhere one prepared insert executed per row.
    /// </summary>
    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<RunRecordDraft> drafts) => connection switch
    {
        NpgsqlConnection postgres => CopyPostgresAsync(postgres, drafts),
        SqliteConnection sqlite => InsertSqlite(sqlite, drafts),
        _ => InsertPreparedAsync(connection, transaction, drafts, "@"),
    };

    private static async Task InsertPreparedAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<RunRecordDraft> drafts, string p)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"runs\" ({Columns}) VALUES ({p}id, {p}flowId, {p}flowVersion, {p}eventName, {p}status, {p}dryRun, {p}startedAt, {p}durationMs, {p}error, {p}eventPayload, {p}nodes, {p}interpreted)";
        var id = Add(insert, p + "id");
        var flowId = Add(insert, p + "flowId");
        var flowVersion = Add(insert, p + "flowVersion");
        var eventName = Add(insert, p + "eventName");
        var status = Add(insert, p + "status");
        // A host's run is never a dry run: the editor's dry runs are not recorded.
        Add(insert, p + "dryRun").Value = false;
        var startedAt = Add(insert, p + "startedAt");
        var durationMs = Add(insert, p + "durationMs");
        var error = Add(insert, p + "error");
        var eventPayload = Add(insert, p + "eventPayload");
        var nodes = Add(insert, p + "nodes");
        var interpreted = Add(insert, p + "interpreted");
        await insert.PrepareAsync().ConfigureAwait(false);
        foreach (var draft in drafts)
        {
            var run = draft.Run;
            id.Value = run.RunId;
            flowId.Value = run.FlowId;
            flowVersion.Value = run.Version;
            eventName.Value = run.EventName;
            status.Value = StatusName(run.Result.Status);
            startedAt.Value = run.StartedAt.UtcDateTime;
            durationMs.Value = run.Result.Duration.TotalMilliseconds;
            error.Value = (object?)run.Error ?? DBNull.Value;
            eventPayload.Value = (object?)draft.RedactedPayload ?? DBNull.Value;
            nodes.Value = RunNodesJson.Serialize(Nodes(run.Result));
            interpreted.Value = run.Tier == FlowTier.Interpreted;
            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    // One prepared statement stepped per row on SQLite's own handle, in the transaction the connection has open:
    // parameters bound by position, where Microsoft.Data.Sqlite would look each one up by name for every row.
    private static Task InsertSqlite(SqliteConnection connection, IReadOnlyList<RunRecordDraft> drafts)
    {
        var db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, $"INSERT INTO \"runs\" ({Columns}) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8, ?9, ?10, ?11)", out var insert), db);
        using (insert)
        {
            foreach (var draft in drafts)
            {
                var run = draft.Run;
                Check(raw.sqlite3_bind_text(insert, 1, SqliteGuid(run.RunId)), db);
                Check(raw.sqlite3_bind_text(insert, 2, run.FlowId), db);
                Check(raw.sqlite3_bind_int(insert, 3, run.Version), db);
                Check(raw.sqlite3_bind_text(insert, 4, run.EventName), db);
                Check(raw.sqlite3_bind_text(insert, 5, StatusName(run.Result.Status)), db);
                Check(raw.sqlite3_bind_text(insert, 6, SqliteTime(run.StartedAt.UtcDateTime)), db);
                Check(raw.sqlite3_bind_double(insert, 7, run.Result.Duration.TotalMilliseconds), db);
                Check(run.Error is null ? raw.sqlite3_bind_null(insert, 8) : raw.sqlite3_bind_text(insert, 8, run.Error), db);
                Check(draft.RedactedPayload is null ? raw.sqlite3_bind_null(insert, 9) : raw.sqlite3_bind_text(insert, 9, draft.RedactedPayload), db);
                Check(raw.sqlite3_bind_text(insert, 10, RunNodesJson.Serialize(Nodes(run.Result))), db);
                Check(raw.sqlite3_bind_int(insert, 11, run.Tier == FlowTier.Interpreted ? 1 : 0), db);
                Check(raw.sqlite3_step(insert), db);
                Check(raw.sqlite3_reset(insert), db);
            }
        }

        return Task.CompletedTask;
    }

    // Throws for any result but OK, ROW and DONE, with SQLite's message.
    private static void Check(int rc, sqlite3 db) => SqliteException.ThrowExceptionForRC(rc, db);

    // Binary COPY: one round trip for the whole batch.
    private static async Task CopyPostgresAsync(NpgsqlConnection connection, IReadOnlyList<RunRecordDraft> drafts)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"runs\" ({Columns}) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false);
        foreach (var draft in drafts)
        {
            var run = draft.Run;
            await copy.StartRowAsync().ConfigureAwait(false);
            await copy.WriteAsync(run.RunId, NpgsqlDbType.Uuid).ConfigureAwait(false);
            await copy.WriteAsync(run.FlowId, NpgsqlDbType.Varchar).ConfigureAwait(false);
            await copy.WriteAsync(run.Version, NpgsqlDbType.Integer).ConfigureAwait(false);
            await copy.WriteAsync(run.EventName, NpgsqlDbType.Varchar).ConfigureAwait(false);
            await copy.WriteAsync(StatusName(run.Result.Status), NpgsqlDbType.Varchar).ConfigureAwait(false);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean).ConfigureAwait(false);
            await copy.WriteAsync(run.StartedAt.UtcDateTime, NpgsqlDbType.TimestampTz).ConfigureAwait(false);
            await copy.WriteAsync(run.Result.Duration.TotalMilliseconds, NpgsqlDbType.Double).ConfigureAwait(false);
            await WriteTextAsync(copy, run.Error).ConfigureAwait(false);
            await WriteTextAsync(copy, draft.RedactedPayload).ConfigureAwait(false);
            await copy.WriteAsync(RunNodesJson.Serialize(Nodes(run.Result)), NpgsqlDbType.Text).ConfigureAwait(false);
            await copy.WriteAsync(run.Tier == FlowTier.Interpreted, NpgsqlDbType.Boolean).ConfigureAwait(false);
        }

        await copy.CompleteAsync().ConfigureAwait(false);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter copy, string? text) =>
        text is null ? copy.WriteNullAsync() : copy.WriteAsync(text, NpgsqlDbType.Text);

    private static List<RunNodeRecord> Nodes(RunResult result)
    {
        var nodes = new List<RunNodeRecord>(result.Nodes.Count);
        foreach (var node in result.Nodes)
        {
            nodes.Add(RunNodeRecord.From(node));
        }

        return nodes;
    }

    // The names LowerCaseEnumConverter stores.
    private static string StatusName(RunStatus status) => status switch
    {
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        _ => status.ToString().ToLowerInvariant(),
    };

    // EF Core's SQLite text for a Guid: upper-case "D" format.
    private static string SqliteGuid(Guid guid) => string.Create(36, guid, static (span, g) =>
    {
        g.TryFormat(span, out _);
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = char.ToUpperInvariant(span[i]);
        }
    });

    // EF Core's SQLite text for a DateTime.
    private static string SqliteTime(DateTime time) => time.ToString("yyyy'-'MM'-'dd HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
