using System.CommandLine;
using FlowCompiler.Cli.Engine;

namespace FlowCompiler.Cli;

/// <summary><c>flowc export ID [--version N]</c>: a stored version as canonical JSON on stdout (the newest by default).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "The flow id." };
        var version = new Option<int?>("--version") { Description = "The version to export (default: the newest)." };
        var command = new Command("export", "Print a stored flow version as canonical JSON.") { id, version };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(id)!, parse.GetValue(version), ct));
        return command;
    }

    private static Task<int> RunAsync(string flowId, int? version, CancellationToken ct) =>
        EngineCommand.RunAsync("text", loadFlows: false, async session =>
        {
            var json = await session.Flows.ExportAsync(flowId, version, ct);
            if (json is null)
            {
                var which = version is { } v ? $"version {v} of flow '{flowId}'" : $"flow '{flowId}'";
                Console.Error.WriteLine($"flowc: there is no {which}; 'flowc list' shows the stored flows.");
                return CommandLine.Usage;
            }

            Console.Out.Write(json);
            return CommandLine.Success;
        }, ct);
}
