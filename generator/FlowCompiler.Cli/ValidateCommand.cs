using System.CommandLine;
using FlowCompiler.Generator.Validation;

namespace FlowCompiler.Cli;

/// <summary><c>flowc validate FLOW.json [--format json]</c>: exit 0 valid, 1 invalid, 2 unreadable.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FLOW.json") { Description = "The flow document to check." };
        var format = CommandLine.FormatOption();
        var command = new Command("validate", "Check a flow and list every problem with its code, node and JSON path.") { file, format };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(format)!));
        return command;
    }

    private static int Run(string path, string format)
    {
        var bytes = FlowFileInput.TryRead(path, out var error);
        if (bytes is null)
        {
            DiagnosticOutput.WriteUsageError(format, error!);
            return CommandLine.Usage;
        }

        var result = FlowValidator.Validate(bytes);
        if (format == "json")
        {
            using var stdout = Console.OpenStandardOutput();
            DiagnosticOutput.WriteJson(stdout, result.Diagnostics);
        }
        else
        {
            DiagnosticOutput.WriteText(Console.Out, path, result.Diagnostics);
        }

        return result.HasErrors ? CommandLine.Failed : CommandLine.Success;
    }
}
