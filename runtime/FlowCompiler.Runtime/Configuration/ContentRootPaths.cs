using FlowCompiler.Runtime.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace FlowCompiler.Runtime.Configuration;

/// <summary>
/// Makes the relative paths of the settings (the compile cache, the SQLite file, the outbox) absolute against the
/// host's content root, so they land in the application's folder whatever the working directory of the process
/// (a service manager's, a test runner's). Without a host environment they stay relative to the working directory.
/// </summary>
internal static class ContentRootPaths
{
    /// <summary>The content root of the host, or null outside a generic host.</summary>
    public static string? Of(IServiceProvider services) =>
        (services.GetService(typeof(IHostEnvironment)) as IHostEnvironment)?.ContentRootPath is { Length: > 0 } root ? root : null;

    /// <summary><paramref name="path"/> made absolute against <paramref name="contentRoot"/>; empty and rooted paths are returned as they are.</summary>
    public static string Resolve(string path, string? contentRoot) =>
        contentRoot is null || string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(path, contentRoot);

    /// <summary>The database options with a relative SQLite file made absolute; in-memory and URI data sources, and other providers, are left alone.</summary>
    public static PanelDatabaseOptions Resolve(PanelDatabaseOptions options, string? contentRoot)
    {
        if (contentRoot is null || options.Provider != PanelDatabaseProvider.Sqlite)
        {
            return options;
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException)
        {
            // The validator has reported it by its key already; the factory repeats that if it is ever reached.
            return options;
        }

        var source = builder.DataSource;
        if (source.Length == 0 || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || builder.Mode == SqliteOpenMode.Memory || Path.IsPathRooted(source))
        {
            return options;
        }

        builder.DataSource = Path.GetFullPath(source, contentRoot);
        return options with { ConnectionString = builder.ToString() };
    }
}
