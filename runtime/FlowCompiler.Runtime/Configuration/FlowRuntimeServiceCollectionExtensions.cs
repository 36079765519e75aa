using FlowCompiler.Runtime.Actions.Http;
using FlowCompiler.Runtime.Actions.Mail;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Panel;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Ipam;
using FlowCompiler.Runtime.Persistence.Lookups;
using FlowCompiler.Runtime.Persistence.Tickets;
using FlowCompiler.Runtime.Proxmox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Runtime.Configuration;

/// <summary>Registers everything compiled flows run against, configured from one <c>FlowCompiler</c> section.</summary>
public static class FlowRuntimeServiceCollectionExtensions
{
    /// <summary>The sender address of outbox mail when none is configured, so the embedded default needs no settings.</summary>
    public const string DefaultOutboxFromAddress = "flowc@localhost";

    /// <summary>
    /// Registers the flow runtime: the options of every part bound from <paramref name="configuration"/>
    /// (see <see cref="FlowRuntimeSections"/>) and validated at start-up, the panel database, mail (SMTP or the
    /// <c>.eml</c> outbox), HTTP with timeouts and retries, the Proxmox client, and <see cref="PanelFlowServices"/>
    /// as the <see cref="IFlowServices"/> compiled flows run against; <see cref="PanelDryRunFlowServices"/> for dry runs.
    /// </summary>
    /// <remarks>
    /// Relative paths (<c>FlowCompiler:CacheDirectory</c>, the SQLite <c>Data Source</c>, <c>FlowCompiler:Mail:OutboxDirectory</c>)
    /// are taken from the host's content root (<see cref="Microsoft.Extensions.Hosting.IHostEnvironment.ContentRootPath"/>) when
    /// the services have a host environment, else from the working directory.
    /// A bad or missing setting fails start-up with a message naming its key (<c>FlowCompiler:Mail:Password</c>);
    /// a generic host checks this when it starts, other callers call
    /// <c>provider.GetRequiredService&lt;IStartupValidator&gt;().Validate()</c>. A key inside a section that names no setting is
    /// an error too, and so is a section below <c>FlowCompiler</c> that is none of <see cref="FlowRuntimeSections"/>
    /// (<c>FlowCompiler:Hots:RunTimeout</c>), so a misspelt setting or section is never ignored.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration: appsettings.json, environment variables (<c>FlowCompiler__Mail__SmtpHost</c>), …</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddFlowRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<FlowRuntimeOptions>()
            .Configure(options => OptionsSectionBinder.Bind(configuration.GetSection(FlowRuntimeSections.Root), options, FlowRuntimeSections.Subsections))
            .PostConfigure<IServiceProvider>((options, provider) => options.CacheDirectory = ContentRootPaths.Resolve(options.CacheDirectory, ContentRootPaths.Of(provider)))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlowRuntimeOptions>, FlowRuntimeOptionsValidator>());

        BindSection<PanelDatabaseOptions, PanelDatabaseOptionsValidator>(services, configuration, FlowRuntimeSections.Database);
        services.TryAddSingleton(provider => new PanelDbContextFactory(
            ContentRootPaths.Resolve(provider.GetRequiredService<IOptions<PanelDatabaseOptions>>().Value, ContentRootPaths.Of(provider))));
        services.TryAddSingleton<PanelLookups>();
        services.TryAddSingleton<IpamAllocator>();
        services.TryAddSingleton<IpamAssignments>();
        services.TryAddSingleton<TicketWriter>();

        services.AddFlowMail();
        BindSection<MailOptions, MailOptionsValidator>(services, configuration, FlowRuntimeSections.Mail)
            .PostConfigure<IServiceProvider>((mail, provider) =>
            {
                if (string.IsNullOrWhiteSpace(mail.SmtpHost) && string.IsNullOrWhiteSpace(mail.FromAddress))
                {
                    mail.FromAddress = DefaultOutboxFromAddress;
                }

                mail.OutboxDirectory = ContentRootPaths.Resolve(mail.OutboxDirectory, ContentRootPaths.Of(provider));
            });

        services.AddFlowHttp();
        BindSection<HttpActionOptions, HttpActionOptionsValidator>(services, configuration, FlowRuntimeSections.Http);

        BindSection<ProxmoxOptions, ProxmoxOptionsValidator>(services, configuration, FlowRuntimeSections.Proxmox);
        services.TryAddSingleton<ProxmoxClientAccessor>();
        services.TryAddSingleton<ServerModifier>();

        services.TryAddSingleton<PanelDryRunFlowServices>();
        services.TryAddSingleton<PanelFlowServices>();
        services.TryAddSingleton<IFlowServices>(provider => provider.GetRequiredService<PanelFlowServices>());

        return services;
    }

    private static OptionsBuilder<TOptions> BindSection<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>()
            .Configure(options => OptionsSectionBinder.Bind(configuration.GetSection(section), options))
            .ValidateOnStart();
    }
}
