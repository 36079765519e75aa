using System.Data.Common;
using FlowCompiler.Runtime.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Runtime.Configuration;

/// <summary>
/// Checks <see cref="PanelDatabaseOptions"/> at start-up by parsing the connection string with the provider's own
/// parser. Messages name keys; the connection string, which may hold a password, is never quoted.
/// </summary>
internal sealed class PanelDatabaseOptionsValidator : IValidateOptions<PanelDatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, PanelDatabaseOptions options)
    {
        var connectionString = FlowRuntimeSections.Key(FlowRuntimeSections.Database, nameof(options.ConnectionString));
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail(
                $"{FlowRuntimeSections.Key(FlowRuntimeSections.Database, nameof(options.Provider))} must be Sqlite, PostgreSql or SqlServer.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{connectionString} is empty: set the {options.Provider} connection string, or remove the key for the SQLite file panel.db.");
        }

        if (options.CommandTimeout < TimeSpan.FromSeconds(1) || options.CommandTimeout > TimeSpan.FromHours(1))
        {
            return ValidateOptionsResult.Fail(
                $"{FlowRuntimeSections.Key(FlowRuntimeSections.Database, nameof(options.CommandTimeout))} is {options.CommandTimeout}: use 00:00:01 to 01:00:00.");
        }

        try
        {
            _ = Parse(options);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            // Provider parsers quote the offending part of the string, which may be the password: say only where to look.
            return ValidateOptionsResult.Fail(
                $"{connectionString} is not a valid {options.Provider} connection string: check its keywords and quoting (e.g. \"{ExampleOf(options.Provider)}\").");
        }
    }

    private static DbConnectionStringBuilder Parse(PanelDatabaseOptions options) => options.Provider switch
    {
        PanelDatabaseProvider.PostgreSql => new NpgsqlConnectionStringBuilder(options.ConnectionString),
        PanelDatabaseProvider.SqlServer => new SqlConnectionStringBuilder(options.ConnectionString),
        _ => new SqliteConnectionStringBuilder(options.ConnectionString),
    };

    private static string ExampleOf(PanelDatabaseProvider provider) => provider switch
    {
        PanelDatabaseProvider.PostgreSql => "Host=db.example.org;Port=5432;Database=panel;Username=panel;Password=…",
        PanelDatabaseProvider.SqlServer => "Server=db.example.org;Database=panel;User Id=panel;Password=…;TrustServerCertificate=false",
        _ => "Data Source=panel.db",
    };
}
