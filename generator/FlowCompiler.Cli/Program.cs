using System.CommandLine;
using FlowCompiler.Cli;
using FlowCompiler.Cli.Demo;

var root = new RootCommand("flowc — compiles panel event flows (flowc/1) to C# and runs them.")
{
    ValidateCommand.Create(),
    EmitCommand.Create(),
    CompileCommand.Create(),
    RunCommand.Create(),
    PublishCommand.Create(),
    ListCommand.Create(),
    ExportCommand.Create(),
    UnpublishCommand.Create(),
    RollbackCommand.Create(),
    RaiseCommand.Create(),
    EnqueueCommand.Create(),
    WorkerCommand.Create(),
    RunsCommand.Create(),
    ReplayCommand.Create(),
    RerunCommand.Create(),
    DemoCommand.Create(),
    ServeCommand.Create(),
};

return CommandLine.Run(root, args);
