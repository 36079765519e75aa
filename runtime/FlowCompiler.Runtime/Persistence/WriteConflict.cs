using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FlowCompiler.Runtime.Persistence;

/// <summary>Recognises the errors that mean "another writer got there first; read again and retry".</summary>
public static class WriteConflict
{
    private const int SqliteConstraint = 19;

    /// <summary>A unique-key violation, a serialization failure or a deadlock, on any provider.</summary>
    /// <param name="error">What a write threw (a <see cref="DbUpdateException"/> or the provider's own exception).</param>
    public static bool IsConflict(Exception error)
    {
        var cause = error is DbUpdateException { InnerException: { } inner } ? inner : error;
        return cause switch
        {
            SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: 2067 or 1555 } => true,
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => true,
            SqlException { Number: 2601 or 2627 or 1205 } => true,
            _ => false,
        };
    }
}
