using System.CommandLine;
using FlowCompiler.Cli.Engine;

namespace FlowCompiler.Cli;

/// <summary>
/// <c>flowc replay RUN</c>: queues a dead run again with its id, so its idempotency keys stay and the effects its ledger
/// holds are not done again. Exit 1 when no dead run has the id (<c>flowc runs --dead</c> lists them).
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var run = RunArgument();
        var command = new Command("replay", "Resume a dead run: same id and idempotency keys, finished effects skipped.") { run };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(run)!, ct));
        return command;
    }

    /// <summary>The RUN argument of replay and rerun: a dead run's id as <c>flowc runs --dead</c> prints it.</summary>
    public static Argument<string> RunArgument() => new("RUN") { Description = "The dead run's id, as 'flowc runs --dead' prints it." };

    /// <summary>The run id in <paramref name="text"/>, or null after writing why it is not one.</summary>
    public static Guid? ParseRunId(string text)
    {
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        DiagnosticOutput.WriteUsageError("text", $"'{text}' is not a run id: give the id 'flowc runs --dead' prints, e.g. 3f2b8c1e-…");
        return null;
    }

    private static Task<int> RunAsync(string text, CancellationToken ct)
    {
        if (ParseRunId(text) is not { } id)
        {
            return Task.FromResult(CommandLine.Usage);
        }

        return EngineCommand.RunAsync("text", loadFlows: false, async session =>
        {
            if (!await session.Flows.ReplayAsync(id, ct))
            {
                Console.Error.WriteLine($"No dead run has id {id}: 'flowc runs --dead' lists them.");
                return CommandLine.Failed;
            }

            Console.Out.WriteLine($"Run {id} is queued again; the queue's worker resumes it, skipping the effects it already had.");
            return CommandLine.Success;
        }, ct);
    }
}
