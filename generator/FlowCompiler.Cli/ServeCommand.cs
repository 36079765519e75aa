using System.CommandLine;
using FlowCompiler.Cli.Demo;
using FlowCompiler.Hosting;
using FlowCompiler.Runtime.Actions.Http;
using FlowCompiler.Runtime.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Cli;

/// <summary>
/// <c>flowc serve</c>: the engine, the editor's page and its API, and the OpenAPI document, on the configured
/// panel (SQLite in the working directory by default). <c>--demo</c> first sets up what <c>flowc demo</c> does —
/// demo data, the flows in <c>flows/</c>, the mail outbox, the local HTTP receiver and the Proxmox emulator.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo") { Description = "Serve a demo panel (SQLite) with the sample flows published." };
        var flows = new Option<string>("--flows") { Description = "With --demo: the folder of flows to publish.", DefaultValueFactory = _ => "flows" };
        var folder = new Option<string>("--folder") { Description = "With --demo: where the demo keeps its database and outbox.", DefaultValueFactory = _ => Path.Combine(".flowc", "demo") };
        var command = new Command("serve", "Serve the flow editor and its API on the configured panel.") { urls, demo, flows, folder };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(urls)!, parse.GetValue(demo), parse.GetValue(flows)!, parse.GetValue(folder)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(string urls, bool demo, string flowsFolder, string demoFolder, CancellationToken ct)
    {
        await using var receiver = demo ? await DemoReceiver.StartAsync(ct) : null;
        await using var proxmox = demo ? await DemoCluster.StartAsync() : null;
        var paths = demo ? DemoPaths.Prepare(demoFolder) : null;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Environment.CurrentDirectory, Args = [] });
        builder.Configuration.AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        if (paths is not null && proxmox is not null)
        {
            builder.Configuration.AddInMemoryCollection(DemoSettings.For(paths, proxmox));
        }

        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders().AddSimpleConsole(console => console.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddFlowCompiler(builder.Configuration);
        if (receiver is not null)
        {
            builder.Services.AddHttpClient<HttpActionClient>().AddHttpMessageHandler(() => new DemoNetworkHandler(receiver.BaseUri));
        }

        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        builder.Services.AddAntiforgery();
        await using var app = builder.Build();
        app.MapOpenApi();
        app.MapFlowEditor();
        try
        {
            await app.StartAsync(ct);
        }
        catch (Exception e) when (e is PanelDatabaseException or Microsoft.Extensions.Options.OptionsValidationException or IOException)
        {
            Console.Error.WriteLine($"flowc: the editor could not start: {e.Message}");
            return CommandLine.Failed;
        }

        if (demo)
        {
            var published = await PublishDemoAsync(app.Services, flowsFolder, ct);
            Console.WriteLine($"Demo panel in {paths!.Folder}: {published} flows published, mails go to {paths.Outbox}.");
        }

        Console.WriteLine($"Flow editor: {urls.Split(';')[0].TrimEnd('/')}/   (OpenAPI: /openapi/v1.json; Ctrl+C stops)");
        await app.WaitForShutdownAsync(ct);
        return CommandLine.Success;
    }

    private static async Task<int> PublishDemoAsync(IServiceProvider services, string flowsFolder, CancellationToken ct)
    {
        await DemoPanelData.SeedAsync(services.GetRequiredService<PanelDbContextFactory>(), ct);
        var host = services.GetRequiredService<FlowHost>();
        var published = 0;
        var files = Directory.Exists(flowsFolder) ? Directory.GetFiles(flowsFolder, "*.json") : [];
        foreach (var file in files.Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var result = await host.PublishAsync(await File.ReadAllBytesAsync(file, ct), ct);
            published += result.Succeeded ? 1 : 0;
            if (!result.Succeeded)
            {
                Console.Error.WriteLine($"flowc: {Path.GetFileName(file)} was not published: {result.Error ?? string.Join("; ", result.Diagnostics.Select(d => d.Message))}");
            }
        }

        return published;
    }
}
