using System.CommandLine;
using System.Text.Json;
using FlowCompiler.Cli.Engine;
using FlowCompiler.Hosting;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Cli;

/// <summary>
/// <c>flowc raise EVENT.json [--format json]</c>: raises one event on the configured panel, as the panel
/// would: every published flow listening to it runs, for real, and is recorded. Exit 1 when a run failed.
/// </summary>
internal static class RaiseCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("EVENT.json") { Description = "The event: { \"event\": \"server.created\", \"data\": { … } }." };
        var format = CommandLine.FormatOption();
        var command = new Command("raise", "Raise an event: every published flow listening to it runs.") { file, format };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(file)!, parse.GetValue(format)!, ct));
        return command;
    }

    private static Task<int> RunAsync(string path, string format, CancellationToken ct)
    {
        if (EventFileInput.TryRead(path, out var error) is not { } raised)
        {
            DiagnosticOutput.WriteUsageError(format, error!);
            return Task.FromResult(CommandLine.Usage);
        }

        return EngineCommand.RunAsync(format, loadFlows: true, async session =>
        {
            var runs = await session.Flows.RaiseAsync(raised.Event.Name, raised.Payload, ct);
            await session.Flows.FlushRecordsAsync(ct);
            if (format == "json")
            {
                using var stdout = Console.OpenStandardOutput();
                using var json = new Utf8JsonWriter(stdout, DiagnosticOutput.JsonOptions);
                json.WriteStartArray();
                foreach (var run in runs)
                {
                    RunResultOutput.Write(json, run.Result, run.Version, run.Error);
                }

                json.WriteEndArray();
                json.Flush();
                stdout.Write("\n"u8);
            }
            else
            {
                WriteText(raised, runs);
            }

            return runs.Any(r => r.Failed) ? CommandLine.Failed : CommandLine.Success;
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
