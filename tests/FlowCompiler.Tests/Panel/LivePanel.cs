using FlowCompiler.Runtime.Configuration;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Tests.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Tests.Panel;

/// <summary>
/// The flow runtime as the panel runs it, built by <see cref="FlowRuntimeServiceCollectionExtensions.AddFlowRuntime"/>
/// from configuration keys: a SQLite panel database file in a temporary folder (migrated), the outbox in that
/// folder, and whatever SMTP, HTTP and Proxmox settings a test adds. Every log line is recorded.
/// </summary>
internal sealed class LivePanel : IAsyncDisposable
{
    private readonly DirectoryInfo folder;
    private readonly ServiceProvider provider;

    private LivePanel(DirectoryInfo folder, ServiceProvider provider, RecordingLoggerProvider logs)
    {
        this.folder = folder;
        this.provider = provider;
        Logs = logs;
    }

    public RecordingLoggerProvider Logs { get; }

    public string Folder => folder.FullName;

    public string OutboxFolder => Path.Combine(folder.FullName, "outbox");

    public string DatabaseFile => Path.Combine(folder.FullName, "panel.db");

    public IFlowServices Services => provider.GetRequiredService<IFlowServices>();

    public IFlowServices DryRunServices => provider.GetRequiredService<Runtime.Panel.PanelDryRunFlowServices>();

    public PanelDbContextFactory Database => provider.GetRequiredService<PanelDbContextFactory>();

    /// <summary>Asserts the run succeeded; when it did not, the message names each failed node and its error.</summary>
    public static void AssertSucceeded(RunResult result) =>
        Assert.True(
            result.Status == RunStatus.Succeeded,
            $"the run {result.Status}: " + string.Join("; ", result.Nodes.Where(n => n.Error is not null).Select(n => $"{n.Id} {n.Status} after {n.Duration.TotalMilliseconds:0} ms: {n.Error}")));

    /// <summary>Starts the runtime; <paramref name="settings"/> are keys below <c>FlowCompiler</c> (<c>Mail:SmtpHost</c>).</summary>
    public static async Task<LivePanel> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("flowc-panel-");
        var configuration = new Dictionary<string, string?>
        {
            ["FlowCompiler:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.FullName, "panel.db")}",
            ["FlowCompiler:Database:CommandTimeout"] = "00:00:01",
            ["FlowCompiler:Mail:OutboxDirectory"] = Path.Combine(folder.FullName, "outbox"),
            ["FlowCompiler:Mail:FromAddress"] = "flows@panel.example.com",
            ["FlowCompiler:Mail:Timeout"] = "00:00:05",
            ["FlowCompiler:Http:Timeout"] = "00:00:05",
            ["FlowCompiler:Http:RetryDelay"] = "00:00:00.020",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[$"FlowCompiler:{key}"] = value;
        }

        var services = new ServiceCollection();
        var logs = new RecordingLoggerProvider();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddFlowRuntime(RuntimeConfiguration.From(configuration));
        var provider = services.BuildServiceProvider();
        var panel = new LivePanel(folder, provider, logs);
        provider.GetRequiredService<IStartupValidator>().Validate();
        await PanelDatabase.MigrateAsync(panel.Database, CancellationToken.None);
        return panel;
    }

    /// <summary>Adds rows to the panel database.</summary>
    public Task SeedAsync(params object[] rows) =>
        Database.UseAsync(async db =>
        {
            db.AddRange(rows);
            return await db.SaveChangesAsync();
        }, CancellationToken.None);

    /// <summary>Reads the panel database.</summary>
    public Task<T> QueryAsync<T>(Func<PanelDbContext, Task<T>> query) => Database.UseAsync(query, CancellationToken.None);

    /// <summary>Runs a compiled flow against the panel's services, within a deadline so that no test can hang.</summary>
    public async Task<RunResult> RunAsync(Generator.Compilation.LoadedFlow flow, object payload, bool dryRun = false)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await flow.RunAsync(payload, dryRun ? DryRunServices : Services, deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
