using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace FlowCompiler.Runtime.Persistence.Ipam;

/// <summary>
/// One allocation at a time per range. Inside an open transaction: PostgreSQL locks the range's row
/// (<c>FOR UPDATE</c>), SQL Server takes an update lock on it; SQLite needs nothing more, since its
/// transactions start with <c>BEGIN IMMEDIATE</c> and so hold the database's single write lock already.
/// </summary>
internal static class RangeLock
{
    /// <summary>Blocks until this transaction alone may allocate from range <paramref name="rangeId"/>.</summary>
    public static Task AcquireAsync(PanelDbContext db, Type rangeType, int rangeId, CancellationToken ct) =>
        Statement(db, rangeType) is { } statement
            ? db.Database.ExecuteSqlRawAsync(statement, [rangeId], ct)
            : Task.CompletedTask;

    /// <summary>The locking statement for this provider, with the range id as parameter <c>{0}</c>; null for SQLite.</summary>
    public static string? Statement(PanelDbContext db, Type rangeType)
    {
        if (db.Provider == PanelDatabaseProvider.Sqlite)
        {
            return null;
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(rangeType) ?? throw new InvalidOperationException($"{rangeType.Name} is not mapped.");
        var table = sql.DelimitIdentifier(entity.GetTableName()!);
        var id = sql.DelimitIdentifier("id");
        return db.Provider == PanelDatabaseProvider.PostgreSql
            ? string.Concat("SELECT 1 FROM ", table, " WHERE ", id, " = {0} FOR UPDATE")
            : string.Concat("SELECT 1 FROM ", table, " WITH (UPDLOCK, HOLDLOCK) WHERE ", id, " = {0}");
    }
}
