using System.CommandLine;
using System.Text.Json;
using FlowCompiler.Cli.Engine;
using FlowCompiler.Hosting;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Cli;

/// <summary>
/// <c>flowc raise EVENT.json… [--format json]</c>: raises each event on the configured panel, in order, as the
/// panel would: every published flow listening to it runs, for real, and is recorded. Every file is read before
/// the first event is raised, so bad input raises nothing. Exit 1 when a run failed.
/// </summary>
internal static class RaiseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("EVENT.json")
        {
            Description = "The events, each { \"event\": \"server.created\", \"data\": { … } }; a shell glob such as flows/events/*.json works.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CommandLine.FormatOption();
        var command = new Command("raise", "Raise events: every published flow listening to each one runs.") { files, format };
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
            var all = new List<CompletedRun>();
            foreach (var raised in events)
            {
                var runs = await session.Flows.RaiseAsync(raised.Event.Name, raised.Payload, ct);
                all.AddRange(runs);
                if (format == "text")
                {
                    WriteText(raised, runs);
                }
            }

            await session.Flows.FlushRecordsAsync(ct);
            if (format == "json")
            {
                // One array of every run, in the order the events were given.
                using var stdout = Console.OpenStandardOutput();
                using var json = new Utf8JsonWriter(stdout, DiagnosticOutput.JsonOptions);
                json.WriteStartArray();
                foreach (var run in all)
                {
                    RunResultOutput.Write(json, run.Result, run.Version, run.Error);
                }

                json.WriteEndArray();
                json.Flush();
                stdout.Write("\n"u8);
            }

            return all.Any(r => r.Failed) ? CommandLine.Failed : CommandLine.Success;
        }, ct);
    }

    private static void WriteText((FlowEvent Event, object Payload) raised, IReadOnlyList<CompletedRun> runs)
    {
        if (runs.Count == 0)
        {
            Console.Out.WriteLine($"{raised.Event.Name}: no published flow accepted it.");
        }

        foreach (var run in runs)
        {
            RunResultOutput.WriteText(Console.Out, run.Result, dryRun: false, run.Version, run.Error);
        }
    }
}
