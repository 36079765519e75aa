namespace FlowCompiler.Tests.Persistence;

/// <summary>The PostgreSQL server the tests may use, from the environment <c>.ci/run</c> sets.</summary>
public static class TestPostgres
{
    /// <summary>The server's connection string (to its maintenance database), or null.</summary>
    public static string? ConnectionString { get; } = NonEmpty(Environment.GetEnvironmentVariable("FLOWC_TEST_POSTGRES"));

    /// <summary>Whether PostgreSQL tests must run (and fail) rather than skip.</summary>
    public static bool Required { get; } = Environment.GetEnvironmentVariable("FLOWC_REQUIRE_POSTGRES") == "1";

    /// <summary>The connection string, or a failure that says how to provide one.</summary>
    public static string Require() => ConnectionString ?? throw new InvalidOperationException(
        "FLOWC_TEST_POSTGRES is not set but FLOWC_REQUIRE_POSTGRES=1: start a server with `.ci/postgres start` and export its connection string.");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
