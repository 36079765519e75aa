using System.CommandLine;
using FlowCompiler.Cli.Engine;

namespace FlowCompiler.Cli;

/// <summary><c>flowc unpublish ID</c>: the flow stops running; its versions stay stored.</summary>
internal static class UnpublishCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "The flow id." };
        var command = new Command("unpublish", "Stop running a flow (its versions stay stored).") { id };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(id)!, ct));
        return command;
    }

    private static Task<int> RunAsync(string flowId, CancellationToken ct) =>
        EngineCommand.RunAsync("text", loadFlows: false, async session =>
        {
            if (await session.Versions.LatestAsync(flowId, ct) is null)
            {
                Console.Error.WriteLine($"flowc: there is no flow '{flowId}'; 'flowc list' shows the stored flows.");
                return CommandLine.Usage;
            }

            await session.Versions.SetPublishedAsync(flowId, null, ct);
            Console.Out.WriteLine($"{flowId} unpublished");
            return CommandLine.Success;
        }, ct);
}
