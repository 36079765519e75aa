using System.Reflection;
using FlowCompiler.Runtime.Persistence;
using Xunit.Sdk;

namespace FlowCompiler.Tests.Persistence;

/// <summary>
/// A theory row for PostgreSQL. Without a server (<c>FLOWC_TEST_POSTGRES</c> unset) the row is skipped and
/// shows as skipped, unless <c>FLOWC_REQUIRE_POSTGRES=1</c> (as in <c>.ci/run</c>): then it runs and fails.
/// </summary>
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (TestPostgres.ConnectionString is null && !TestPostgres.Required)
        {
            Skip = "no PostgreSQL: set FLOWC_TEST_POSTGRES (see docs/database.md, \"PostgreSQL tests\")";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[PanelDatabaseProvider.PostgreSql]];
}
