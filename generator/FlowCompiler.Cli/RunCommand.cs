using System.CommandLine;
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
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(eventFile)!, parse.GetValue(dryRun), parse.GetValue(format)!, parse.GetValue(cache)!));
        return command;
    }

    private static int Run(string flowPath, string eventPath, bool dryRun, string format, string cacheFolder)
    {
        var services = RunServices.Create(dryRun, out var unavailable);
        if (services is null)
        {
            return UsageError(format, unavailable!);
        }

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
            var outcome = new FlowCache(cacheFolder).GetOrCompileAsync(flow, FlowDocumentWriter.WriteUtf8(validation.Document!)).GetAwaiter().GetResult();
            loaded = LoadedFlow.Load(outcome.Flow);
        }
        catch (FlowCompilerBugException bug)
        {
            return Failure(format, bug.Message);
        }

        try
        {
            var result = loaded.RunAsync(input.Payload, services).GetAwaiter().GetResult();
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
        finally
        {
            loaded.Unload();
        }
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
