using System.CommandLine;
using FlowCompiler.Cli.Engine;

namespace FlowCompiler.Cli;

/// <summary>
/// <c>flowc rerun RUN</c>: replaces a dead run by a fresh run of the same event and flow version, with a new id and new
/// idempotency keys, so every effect happens again. Exit 1 when no dead run has the id.
/// </summary>
internal static class RerunCommand
{
    public static Command Create()
    {
        var run = ReplayCommand.RunArgument();
        var command = new Command("rerun", "Start a dead run afresh: new id and keys, every effect again.") { run };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(run)!, ct));
        return command;
    }

    private static Task<int> RunAsync(string text, CancellationToken ct)
    {
        if (ReplayCommand.ParseRunId(text) is not { } id)
        {
            return Task.FromResult(CommandLine.Usage);
        }

        return EngineCommand.RunAsync("text", loadFlows: false, async session =>
        {
            if (await session.Flows.RerunAsync(id, ct) is not { } fresh)
            {
                Console.Error.WriteLine($"No dead run has id {id}: 'flowc runs --dead' lists them.");
                return CommandLine.Failed;
            }

            Console.Out.WriteLine($"Run {id} is replaced by run {fresh}, queued.");
            return CommandLine.Success;
        }, ct);
    }
}
