using FlowCompiler.Generator.Compilation;
using FlowCompiler.Hosting;
using FlowCompiler.Runtime.Actions.Mail;
using FlowCompiler.Runtime.Configuration;
using FlowCompiler.Runtime.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Tests.Configuration;

/// <summary>Relative paths in the settings land under the host's content root, never in the working directory.</summary>
public sealed class ContentRootTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("flowc-content-root-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task The_cache_the_sqlite_file_and_the_outbox_are_taken_from_the_content_root()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["FlowCompiler:CacheDirectory"] = "state/cache",
            ["FlowCompiler:Database:ConnectionString"] = "Data Source=state/panel.db",
            ["FlowCompiler:Mail:OutboxDirectory"] = "state/outbox",
        });

        await host.StartAsync();
        await host.StopAsync();

        Assert.NotEqual(Path.GetFullPath(_root), Path.GetFullPath(Environment.CurrentDirectory));
        Assert.Equal(Path.Combine(_root, "state", "cache"), host.Services.GetRequiredService<FlowCache>().Folder);
        Assert.Equal(Path.Combine(_root, "state", "outbox"), Assert.IsType<OutboxMailSender>(host.Services.GetRequiredService<IMailSender>()).OutboxDirectory);
        var database = host.Services.GetRequiredService<PanelDbContextFactory>().Options;
        Assert.Equal(Path.Combine(_root, "state", "panel.db"), new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
        Assert.True(File.Exists(Path.Combine(_root, "state", "panel.db")));
    }

    [Fact]
    public void Absolute_paths_and_in_memory_databases_are_kept_as_written()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "flowc-elsewhere", "cache");
        using var host = Build(new Dictionary<string, string?>
        {
            ["FlowCompiler:CacheDirectory"] = elsewhere,
            ["FlowCompiler:Database:ConnectionString"] = "Data Source=:memory:",
        });

        Assert.Equal(elsewhere, host.Services.GetRequiredService<IOptions<FlowRuntimeOptions>>().Value.CacheDirectory);
        Assert.Equal("Data Source=:memory:", host.Services.GetRequiredService<PanelDbContextFactory>().Options.ConnectionString);
    }

    [Fact]
    public async Task A_sqlite_folder_that_cannot_be_created_names_its_key()
    {
        File.WriteAllText(Path.Combine(_root, "not-a-folder"), "");
        var database = new PanelDbContextFactory(new PanelDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_root, "not-a-folder", "panel.db")}" });

        var error = await Assert.ThrowsAsync<PanelDatabaseException>(() => PanelDatabase.MigrateAsync(database, CancellationToken.None));

        Assert.Contains("cannot be created", error.Message, StringComparison.Ordinal);
        Assert.Contains("FlowCompiler:Database:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddFlowCompiler(builder.Configuration);
        return builder.Build();
    }
}
