using System.CommandLine;
using FlowCompiler.Cli.Engine;

namespace FlowCompiler.Cli;

/// <summary>
/// <c>flowc enqueue EVENT.json… [--format json]</c>: queues each event durably on the configured panel, as the panel's
/// <c>EnqueueAsync</c> does, and returns once the runs are committed. The runs happen in whatever works the queue: the
/// panel's embedded host, or <c>flowc worker</c>. Every file is read before the first event is queued.
/// </summary>
internal static class EnqueueCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("EVENT.json")
        {
            Description = "The events, each { \"event\": \"server.created\", \"data\": { … } }.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CommandLine.FormatOption();
        var command = new Command("enqueue", "Queue events durably: the runs of every flow accepting each one are stored, then run by the queue's worker.") { files, format };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(files)!, parse.GetValue(format)!, ct));
        return command;
    }

    private static Task<int> RunAsync(string[] paths, string format, CancellationToken ct)
    {
        if (EventFileInput.TryReadAll(paths, out var error) is not { } events)
        {
            DiagnosticOutput.WriteUsageError(format, error!);
            return Task.FromResult(CommandLine.Usage);
        }

        return EngineCommand.RunAsync(format, loadFlows: true, async session =>
        {
            var runs = 0;
            foreach (var (flowEvent, payload) in events)
            {
                runs += await session.Flows.EnqueueAsync(flowEvent.Name, payload, ct);
            }

            if (format == "json")
            {
                JsonOutput.Write(json =>
                {
                    json.WriteStartObject();
                    json.WriteNumber("events", events.Count);
                    json.WriteNumber("queued", runs);
                    json.WriteEndObject();
                });
            }
            else
            {
                Console.Out.WriteLine($"Queued {runs} runs for {events.Count} events.");
            }

            return CommandLine.Success;
        }, ct);
    }
}
