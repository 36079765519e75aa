using System.CommandLine;
using FlowCompiler.Cli.Engine;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Validation;

namespace FlowCompiler.Cli;

/// <summary>
/// <c>flowc run FLOW.json --event EVENT.json [--dry-run] [--format json] [--cache DIR]</c> (spec §6–§7): compiles
/// the flow through the cache, runs it once on the event with the services <see cref="RunServices"/> picks, and
/// prints the run. Exit 0 when it succeeded, 1 when a node failed or the flow is invalid, 2 for bad input.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FLOW.json") { Description = "The flow document to run." };
        var eventFile = new Option<string>("--event")
        {
            Description = "The event: { \"event\": \"server.created\", \"data\": { ...the event's fields... } }.",
            Required = true,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Perform no action: record what each action would have sent." };
        var format = CommandLine.FormatOption();
        var cache = new Option<string>("--cache")
        {
            Description = $"Cache folder (default: ${FlowCache.FolderVariable}, else .flowc/cache).",
            DefaultValueFactory = _ => FlowCache.DefaultFolder,
        };
        var command = new Command("run", "Run a flow once on an event.") { file, eventFile, dryRun, format, cache };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(file)!, parse.GetValue(eventFile)!, parse.GetValue(dryRun), parse.GetValue(format)!, parse.GetValue(cache)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(string flowPath, string eventPath, bool dryRun, string format, string cacheFolder, CancellationToken ct)
    {
        var bytes = FlowFileInput.TryRead(flowPath, out var error);
        if (bytes is null)
        {
            return UsageError(format, error!);
        }

        var validation = FlowValidator.Validate(bytes);
        if (validation.Flow is not { } flow)
        {
            DiagnosticOutput.WriteText(Console.Error, flowPath, validation.Diagnostics);
            if (format == "json")
            {
                using var stdout = Console.OpenStandardOutput();
                DiagnosticOutput.WriteInvalidJson(stdout, $"'{flowPath}' is not a valid flow.", validation.Diagnostics);
            }

            return CommandLine.Failed;
        }

        foreach (var warning in validation.Diagnostics.Where(d => d.Severity == FlowSeverity.Warning))
        {
            Console.Error.WriteLine($"{flowPath}: {warning}");
        }

        if (EventFileInput.TryRead(eventPath, out error) is not { } input)
        {
            return UsageError(format, error!);
        }

        if (input.Event.Name != flow.Trigger.Event.Name)
        {
            return UsageError(format, $"flow \"{flow.Id}\" runs on {flow.Trigger.Event.Name} events, but the event in '{eventPath}' is {input.Event.Name}.");
        }

        LoadedFlow loaded;
        try
        {
            var outcome = await new FlowCache(cacheFolder).GetOrCompileAsync(flow, FlowDocumentWriter.WriteUtf8(validation.Document!));
            loaded = LoadedFlow.Load(outcome.Flow);
        }
        catch (FlowCompilerBugException bug)
        {
            return Failure(format, bug.Message);
        }
        catch (FlowCacheException cache)
        {
            return UsageError(format, CompileCommand.CacheProblem(cache));
        }

        try
        {
            return await EngineCommand.RunAsync(format, loadFlows: false, session => Execute(session, loaded, input.Payload, dryRun, format, ct), ct);
        }
        finally
        {
            loaded.Unload();
        }
    }

    private static async Task<int> Execute(EngineSession session, LoadedFlow loaded, object payload, bool dryRun, string format, CancellationToken ct)
    {
        var result = await loaded.RunAsync(payload, RunServices.From(session, dryRun), ct);
        if (format == "json")
        {
            using var stdout = Console.OpenStandardOutput();
            RunResultOutput.WriteJson(stdout, result);
        }
        else
        {
            RunResultOutput.WriteText(Console.Out, result, dryRun);
        }

        return result.Status == Runtime.Execution.RunStatus.Succeeded ? CommandLine.Success : CommandLine.Failed;
    }

    private static int UsageError(string format, string message)
    {
        DiagnosticOutput.WriteUsageError(format, message);
        return CommandLine.Usage;
    }

    private static int Failure(string format, string message)
    {
        DiagnosticOutput.WriteUsageError(format, message);
        return CommandLine.Failed;
    }
}
