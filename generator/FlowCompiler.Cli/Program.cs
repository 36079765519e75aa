using System.CommandLine;
using FlowCompiler.Cli;

var root = new RootCommand("flowc — compiles panel event flows (flowc/1) to C# and runs them.")
{
    ValidateCommand.Create(),
    EmitCommand.Create(),
    CompileCommand.Create(),
    RunCommand.Create(),
};

return CommandLine.Run(root, args);
