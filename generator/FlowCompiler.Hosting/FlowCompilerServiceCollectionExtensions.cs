using FlowCompiler.Generator.Compilation;
using FlowCompiler.Hosting;
using FlowCompiler.Hosting.Publishing;
using FlowCompiler.Hosting.Queue;
using FlowCompiler.Hosting.Records;
using FlowCompiler.Hosting.Storage;
using FlowCompiler.Hosting.Telemetry;
using FlowCompiler.Runtime.Configuration;
using FlowCompiler.Runtime.Persistence.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// In the namespace of IServiceCollection, as ASP.NET Core's own AddXxx extensions are, so no using is needed.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The one call a panel makes to embed FlowCompiler.</summary>
public static class FlowCompilerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the whole engine from the <c>FlowCompiler</c> configuration section: the runtime (panel
    /// database, mail, HTTP, Proxmox; see <see cref="FlowRuntimeServiceCollectionExtensions.AddFlowRuntime"/>),
    /// the compile cache, the <see cref="FlowHost"/> as <see cref="IFlowHost"/> with its options (<c>FlowCompiler:Host</c>),
    /// the durable run queue and its ledger, and a hosted service that migrates the database and starts the host when the
    /// application starts, and stops it within the application's shutdown timeout.
    /// </summary>
    /// <remarks>
    /// Every key is checked at start-up: an unknown key or section, or a bad value, stops it with a message naming the key.
    /// Relative paths are taken from the host's content root.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddFlowCompiler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddFlowRuntime(configuration);
        services.AddOptions<FlowHostOptions>()
            .Configure(options => OptionsSectionBinder.Bind(configuration.GetSection(FlowHostOptions.Section), options))
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                if (options.PublishDirectory is { Length: > 0 } folder && provider.GetService<IHostEnvironment>()?.ContentRootPath is { Length: > 0 } root)
                {
                    options.PublishDirectory = Path.GetFullPath(folder, root);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlowHostOptions>, FlowHostOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new FlowTelemetry(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(provider => new FlowCache(Path.GetFullPath(provider.GetRequiredService<IOptions<FlowRuntimeOptions>>().Value.CacheDirectory)));
        services.TryAddSingleton<IFlowVersionStore, PanelFlowVersionStore>();
        services.TryAddSingleton<PanelRunRecordStore>();
        services.TryAddSingleton<IRunRecordStore>(provider => provider.GetRequiredService<PanelRunRecordStore>());
        services.TryAddSingleton<IDurableRunQueue, PanelDurableRunQueue>();
        services.TryAddSingleton<RunLedger>();
        services.TryAddSingleton(provider => ActivatorUtilities.CreateInstance<FlowHost>(
            provider, provider.GetRequiredService<IOptions<FlowHostOptions>>().Value));
        services.TryAddSingleton<IFlowHost>(provider => provider.GetRequiredService<FlowHost>());
        services.AddHostedService<FlowHostStartup>();
        return services;
    }

    /// <summary>
    /// Registers the engine as <see cref="AddFlowCompiler(IServiceCollection, IConfiguration)"/> does, with the settings
    /// written in code: <c>AddFlowCompiler(o =&gt; o.UseSqlite("Data Source=panel.db").PublishFrom("flows"))</c>. The
    /// settings become configuration keys, so they are checked at start-up exactly as configured ones are.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the settings; anything not set keeps its default.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddFlowCompiler(this IServiceCollection services, Action<FlowCompilerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        var builder = new FlowCompilerBuilder();
        configure(builder);
        services.AddFlowCompiler(new ConfigurationBuilder().AddInMemoryCollection(builder.Settings).Build());
        foreach (var host in builder.HostSettings)
        {
            services.Configure(host);
        }

        return services;
    }
}
