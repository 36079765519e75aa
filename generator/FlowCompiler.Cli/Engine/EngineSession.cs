using FlowCompiler.Hosting;
using FlowCompiler.Hosting.Publishing;
using FlowCompiler.Hosting.Storage;
using FlowCompiler.Runtime.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Cli.Engine;

/// <summary>
/// The embedded engine as the commands that work on the panel database use it (publish, list, raise, runs,
/// demo): configuration from <c>appsettings.json</c> in the working directory and <c>FlowCompiler__…</c>
/// environment variables, SQLite in the working directory by default. Settings are checked and the database
/// migrated when the session opens; the published flows are loaded only for the commands that run them.
/// </summary>
internal sealed class EngineSession : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly bool _started;

    private EngineSession(IHost host, bool started)
    {
        _host = host;
        _started = started;
    }

    public IServiceProvider Services => _host.Services;

    public FlowHost Flows => Services.GetRequiredService<FlowHost>();

    public IFlowVersionStore Versions => Services.GetRequiredService<IFlowVersionStore>();

    public PanelRunRecordStore Runs => Services.GetRequiredService<PanelRunRecordStore>();

    public PanelDbContextFactory Database => Services.GetRequiredService<PanelDbContextFactory>();

    /// <summary>
    /// Opens the engine. With <paramref name="loadFlows"/> the hosted start-up runs (migrate, then load every
    /// published flow); otherwise only the settings are checked and the database migrated.
    /// </summary>
    /// <param name="loadFlows">Whether the published flows are needed (raise, publish).</param>
    /// <param name="settings">Settings that override the configuration, e.g. the demo's own database.</param>
    /// <param name="configure">Extra service registrations, e.g. the demo's network.</param>
    /// <param name="workQueue">
    /// Whether the engine works the durable run queue in the background, as an embedded host does (serve, demo); a
    /// one-shot command (raise, publish) leaves the queue to the panel or to <c>flowc worker</c>, and compiles its flows
    /// before it uses them (no tiered activation).
    /// </param>
    /// <param name="ct">Cancels start-up.</param>
    public static async Task<EngineSession> OpenAsync(
        bool loadFlows,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        bool workQueue = true,
        CancellationToken ct = default)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Environment.CurrentDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (!workQueue)
        {
            // A one-shot command exits when it is done: it compiles what it publishes or runs (warming the cache, and
            // reporting a compile failure) rather than leaving the compile to a background that exits with it.
            builder.Configuration.AddInMemoryCollection(
            [
                new($"{FlowHostOptions.Section}:{nameof(FlowHostOptions.WorkQueue)}", "false"),
                new($"{FlowHostOptions.Section}:{nameof(FlowHostOptions.TieredActivation)}", "false"),
            ]);
        }

        // Warnings and errors go to stderr, so stdout stays one JSON document with --format json.
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true)
            .AddFilter("Microsoft", LogLevel.Warning)
            .SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddFlowCompiler(builder.Configuration);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            if (loadFlows)
            {
                await host.StartAsync(ct);
            }
            else
            {
                host.Services.GetRequiredService<IStartupValidator>().Validate();
                await PanelDatabase.MigrateAsync(host.Services.GetRequiredService<PanelDbContextFactory>(), ct);
            }
        }
        catch
        {
            await ((IAsyncDisposable)host).DisposeAsync();
            throw;
        }

        return new EngineSession(host, loadFlows);
    }

    public async ValueTask DisposeAsync()
    {
        // Stopping drains the run queue and writes the last run records; disposing releases the database.
        if (_started)
        {
            await _host.StopAsync();
        }

        await ((IAsyncDisposable)_host).DisposeAsync();
    }
}
