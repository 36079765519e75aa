using System.CommandLine;
using FlowCompiler.Generator.Emit;
using FlowCompiler.Generator.Validation;

namespace FlowCompiler.Cli;

/// <summary><c>flowc emit FLOW.json</c>: the generated C# on stdout; exit 1 when the flow is invalid, 2 when unreadable.</summary>
internal static class EmitCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FLOW.json") { Description = "The flow document to translate." };
        var command = new Command("emit", "Print the C# a flow compiles to.") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!));
        return command;
    }

    private static int Run(string path)
    {
        if (FlowFileInput.TryLoadValid(path, out var exitCode) is not { Flow: not null } result)
        {
            return exitCode;
        }

        Console.Out.Write(FlowEmitter.Emit(result.Flow));
        return CommandLine.Success;
    }
}
