using FlowCompiler.Hosting;
using FlowCompiler.Hosting.Health;
using FlowCompiler.Hosting.Publishing;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Tests.Hosting;

/// <summary><c>AddHealthChecks().AddFlowCompiler()</c>: start-up, the database, flows that failed, the queue.</summary>
public sealed class HealthCheckTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("flowc-health-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_started_engine_with_its_flows_loaded_is_healthy()
    {
        WriteFlow("login-mail.json", HostFlows.LoginMail("login-mail", "healthy"));
        using var app = Build();

        var before = await CheckAsync(app);
        await app.StartAsync();
        var after = await CheckAsync(app);
        await app.StopAsync();

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Contains("starting", before.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Equal(1, after.Data["activeFlows"]);
        Assert.Equal(0, after.Data["queuedRuns"]);
    }

    [Fact]
    public async Task A_flow_file_that_does_not_publish_leaves_the_engine_degraded_and_named()
    {
        WriteFlow("login-mail.json", HostFlows.LoginMail("login-mail", "degraded"));
        WriteFlow("broken.json", "{ \"id\": \"broken\" }"u8.ToArray());
        using var app = Build();

        await app.StartAsync();
        var report = await CheckAsync(app);
        await app.StopAsync();

        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("broken.json", report.Description, StringComparison.Ordinal);
        Assert.Equal(1, report.Data["activeFlows"]);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_is_unhealthy()
    {
        await using var engine = await TestEngine.StartAsync(new ActionSink());
        var unreachable = new PanelDbContextFactory(new PanelDatabaseOptions
        {
            Provider = PanelDatabaseProvider.PostgreSql,
            ConnectionString = "Host=127.0.0.1;Port=1;Database=panel;Username=panel;Password=x;Timeout=2",
        });
        var check = new FlowCompilerHealthCheck(engine.Host, unreachable);

        var result = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("127.0.0.1:1", result.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "Healthy")]
    [InlineData(1, "Degraded")]
    public async Task Dead_runs_waiting_for_someone_to_act_make_the_engine_degraded(int dead, string expected)
    {
        var database = new PanelDbContextFactory(new PanelDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_root, "panel.db")}" });
        var check = new FlowCompilerHealthCheck(new QueueOnlyFlowHost(120, dead), database);

        var result = await check.CheckHealthAsync(Context(check));

        Assert.Equal(Enum.Parse<HealthStatus>(expected), result.Status);
        Assert.Equal(120, result.Data["queuedRuns"]);
        Assert.Equal(dead, result.Data["deadRuns"]);
    }

    private static HealthCheckContext Context(IHealthCheck check) =>
        new() { Registration = new HealthCheckRegistration("flowcompiler", check, HealthStatus.Unhealthy, []) };

    private void WriteFlow(string name, byte[] json)
    {
        Directory.CreateDirectory(Path.Combine(_root, "flows"));
        File.WriteAllBytes(Path.Combine(_root, "flows", name), json);
    }

    private static async Task<HealthReportEntry> CheckAsync(IHost app) =>
        (await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries[FlowCompilerHealthChecksBuilderExtensions.DefaultName];

    private IHost Build()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root });
        builder.Logging.ClearProviders();
        builder.Services.AddFlowCompiler(o => o.UseSqlite("Data Source=panel.db").PublishFrom("flows").UseCacheDirectory(TestEngine.SharedCache.Folder));
        builder.Services.AddHealthChecks().AddFlowCompiler();
        return builder.Build();
    }

    /// <summary>A panel's fake of the engine, as <see cref="IFlowHost"/> allows: started, with runs waiting in its queue and dead ones.</summary>
    private sealed class QueueOnlyFlowHost(int queued, int dead) : IFlowHost
    {
        public Task<StartupSummary> Ready { get; } = Task.FromResult(new StartupSummary(0, 0, 0, []));

        public bool IsReady => true;

        public IReadOnlyList<(string FlowId, int Version, string EventName, FlowTier Tier)> Active => [];

        public Task<(int Pending, int Dead)> CountQueuedRunsAsync(CancellationToken ct = default) => Task.FromResult((queued, dead));

        public ValueTask<int> EnqueueAsync(string eventName, object payload, System.Data.Common.DbTransaction transaction, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<QueuedRunRecord>> ReadDeadRunsAsync(int limit = 100, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<bool> ReplayAsync(Guid runId, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<Guid?> RerunAsync(Guid runId, CancellationToken ct = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<CompletedRun>> RaiseAsync(string eventName, object payload, CancellationToken ct = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<CompletedRun>> RaiseAsync(string eventName, object payload, RunCancellation onCancel, CancellationToken ct) => throw new NotSupportedException();

        public ValueTask<int> EnqueueAsync(string eventName, object payload, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<PublishResult> PublishAsync(ReadOnlyMemory<byte> flowJson, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<PublishResult> PublishAsync(ReadOnlyMemory<byte> flowJson, string? actor, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<bool> UnpublishAsync(string flowId, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<PublishResult> RollbackAsync(string flowId, int version, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<StoredFlowVersion>> ListAsync(CancellationToken ct = default) => throw new NotSupportedException();

        public Task<string?> ExportAsync(string flowId, int? version = null, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<RunRecord>> ReadRunsAsync(string? flowId = null, bool failedOnly = false, int limit = 100, CancellationToken ct = default) => throw new NotSupportedException();

        public Task FlushRecordsAsync(CancellationToken ct = default) => throw new NotSupportedException();
    }
}
