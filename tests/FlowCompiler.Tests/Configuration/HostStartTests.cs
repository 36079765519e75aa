using FlowCompiler.Runtime.Configuration;
using FlowCompiler.Runtime.Execution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Tests.Configuration;

/// <summary><c>AddFlowRuntime</c> in a generic host, as the panel host uses it: bad settings stop the host at start.</summary>
public sealed class HostStartTests
{
    [Fact]
    public async Task A_host_with_a_missing_setting_does_not_start_and_names_the_key()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FlowCompiler:Proxmox:BaseUrl"] = "https://pve.example.org:8006",
            ["FlowCompiler:Proxmox:TokenId"] = "panel@pve!flows",
        });
        builder.Services.AddFlowRuntime(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("FlowCompiler:Proxmox:TokenSecret is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_default_settings_starts_and_serves_the_panel_services()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Services.AddFlowRuntime(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();

        Assert.IsType<Runtime.Panel.PanelFlowServices>(host.Services.GetRequiredService<IFlowServices>());
        await host.StopAsync();
    }
}
