using FlowCompiler.Generator.Compilation;
using FlowCompiler.Hosting.Publishing;
using FlowCompiler.Hosting.Records;
using FlowCompiler.Hosting.Storage;
using FlowCompiler.Hosting.Telemetry;
using FlowCompiler.Runtime.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Hosting;

/// <summary>The one call a panel makes to embed FlowCompiler.</summary>
public static class FlowCompilerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the whole engine from the <c>FlowCompiler</c> configuration section: the runtime (panel
    /// database, mail, HTTP, Proxmox; see <see cref="FlowRuntimeServiceCollectionExtensions.AddFlowRuntime"/>),
    /// the compile cache, the <see cref="FlowHost"/> with its options (<c>FlowCompiler:Host</c>), and a hosted
    /// service that migrates the database and loads the published flows when the application starts.
    /// </summary>
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
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlowHostOptions>, FlowHostOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new FlowTelemetry(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(provider => new FlowCache(Path.GetFullPath(provider.GetRequiredService<IOptions<FlowRuntimeOptions>>().Value.CacheDirectory)));
        services.TryAddSingleton<IFlowVersionStore, PanelFlowVersionStore>();
        services.TryAddSingleton<PanelRunRecordStore>();
        services.TryAddSingleton<IRunRecordStore>(provider => provider.GetRequiredService<PanelRunRecordStore>());
        services.TryAddSingleton(provider => ActivatorUtilities.CreateInstance<FlowHost>(
            provider, provider.GetRequiredService<IOptions<FlowHostOptions>>().Value));
        services.AddHostedService<FlowHostStartup>();
        return services;
    }
}
