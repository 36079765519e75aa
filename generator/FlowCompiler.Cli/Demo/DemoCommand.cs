using System.CommandLine;
using System.Diagnostics;
using FlowCompiler.Cli.Engine;
using FlowCompiler.Emulators.Proxmox;
using FlowCompiler.Runtime.Actions.Http;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCompiler.Cli.Demo;

/// <summary>
/// <c>flowc demo</c>: the whole engine on the embedded default. Creates a SQLite panel database with demo
/// data, publishes every flow in <c>flows/</c>, raises a scripted series of events, and shows what each flow
/// did — mails in an <c>.eml</c> outbox, webhooks and REST calls at a receiver on 127.0.0.1, tickets in the
/// database, Proxmox calls against the API emulator — then the compile and cache figures.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var flows = new Option<string>("--flows") { Description = "The folder of flows to publish.", DefaultValueFactory = _ => "flows" };
        var folder = new Option<string>("--folder") { Description = "Where the demo keeps its database and outbox.", DefaultValueFactory = _ => Path.Combine(".flowc", "demo") };
        var command = new Command("demo", "Publish the sample flows on a demo panel (SQLite) and raise a scripted series of events.") { flows, folder };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(flows)!, parse.GetValue(folder)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(string flowsFolder, string demoFolder, CancellationToken ct)
    {
        var flowFiles = Directory.Exists(flowsFolder)
            ? Directory.GetFiles(flowsFolder, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray()
            : [];
        if (flowFiles.Length == 0)
        {
            Console.Error.WriteLine($"flowc: no flows in '{Path.GetFullPath(flowsFolder)}'; run the demo from the repository root or pass --flows DIR.");
            return CommandLine.Usage;
        }

        var script = DemoScript.Load(Path.Combine(flowsFolder, "events"));
        if (script.Error is not null)
        {
            Console.Error.WriteLine($"flowc: {script.Error}");
            return CommandLine.Usage;
        }

        var output = new DemoOutput(Console.Out);
        var paths = DemoPaths.Prepare(demoFolder);
        await using var receiver = await DemoReceiver.StartAsync(ct);
        await using var proxmox = await DemoCluster.StartAsync();
        var settings = DemoSettings.For(paths, proxmox);

        output.Setup(paths, receiver.BaseUri, proxmox.BaseUrl);
        EngineSession session;
        try
        {
            session = await EngineSession.OpenAsync(
                loadFlows: true,
                settings,
                services => services.AddHttpClient<HttpActionClient>().AddHttpMessageHandler(() => new DemoNetworkHandler(receiver.BaseUri)),
                ct: ct);
        }
        catch (Exception e) when (e is PanelDatabaseException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            Console.Error.WriteLine($"flowc: the demo could not start: {e.Message}");
            return CommandLine.Failed;
        }

        await using (session)
        {
            await DemoPanelData.SeedAsync(session.Database, ct);
            output.Seeded();

            var publishing = Stopwatch.StartNew();
            var published = new List<Hosting.Publishing.PublishResult>();
            output.PublishingStarts(flowFiles.Length);
            for (var i = 0; i < flowFiles.Length; i++)
            {
                output.Publishing(i, flowFiles.Length, Path.GetFileNameWithoutExtension(flowFiles[i]));
                var result = await session.Flows.PublishAsync(await File.ReadAllBytesAsync(flowFiles[i], ct), ct);
                published.Add(result);
                output.Published(result);
            }

            output.PublishingEnds(publishing.Elapsed);
            var failedRuns = 0;
            foreach (var step in script.Steps)
            {
                var runs = await session.Flows.RaiseAsync(step.Event.Name, step.Payload, ct);
                output.Raised(step, runs);
                failedRuns += runs.Count(r => r.Failed);
            }

            await session.Flows.FlushRecordsAsync(ct);
            var tickets = await session.Database.UseAsync(db => db.Tickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct), ct);
            output.Effects(paths, Directory.GetFiles(paths.Outbox, "*.eml"), receiver.Received, tickets, proxmox.Requests);
            output.CompileFigures(published);
            return failedRuns == 0 && published.All(p => p.Succeeded) ? CommandLine.Success : CommandLine.Failed;
        }
    }
}
