using System.CommandLine;
using FlowCompiler.Cli.Engine;

namespace FlowCompiler.Cli;

/// <summary><c>flowc rollback ID VERSION</c>: publishes an earlier stored version again.</summary>
internal static class RollbackCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "The flow id." };
        var version = new Argument<int>("VERSION") { Description = "The stored version to publish again." };
        var command = new Command("rollback", "Publish an earlier stored version of a flow again.") { id, version };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(id)!, parse.GetValue(version), ct));
        return command;
    }

    private static Task<int> RunAsync(string flowId, int version, CancellationToken ct) =>
        EngineCommand.RunAsync("text", loadFlows: true, async session =>
        {
            // Asked before anything else is printed: a version that is not stored is bad input, not a refused rollback.
            if (await session.Versions.FindAsync(flowId, version, ct) is null)
            {
                var which = await session.Versions.LatestAsync(flowId, ct) is null ? $"there is no flow '{flowId}'" : $"flow '{flowId}' has no version {version}";
                Console.Error.WriteLine($"flowc: {which}; 'flowc list' shows the stored versions.");
                return CommandLine.Usage;
            }

            var result = await session.Flows.RollbackAsync(flowId, version, ct);
            if (!result.Succeeded)
            {
                if (result.Diagnostics.Count > 0)
                {
                    DiagnosticOutput.WriteText(Console.Error, $"{flowId} v{version}", result.Diagnostics);
                }

                Console.Error.WriteLine($"flowc: {result.Error ?? "the version no longer validates"}");
                return CommandLine.Failed;
            }

            Console.Out.WriteLine($"{flowId} v{version} published again ({(result.CacheHit ? "from the compile cache" : "compiled")})");
            return CommandLine.Success;
        }, ct);
}
