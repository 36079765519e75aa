using System.CommandLine;
using FlowCompiler.Cli.Engine;

namespace FlowCompiler.Cli;

/// <summary>
/// <c>flowc worker [--drain]</c>: works the durable run queue of the configured panel — queued runs, due retries, runs
/// whose worker died — until stopped (Ctrl+C, SIGTERM: runs in progress finish, the rest stay queued). With
/// <c>--drain</c> it exits 0 once nothing is queued, running or waiting for a retry.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var drain = new Option<bool>("--drain") { Description = "Exit once nothing is queued, running or waiting for a retry." };
        var command = new Command("worker", "Run the durable run queue until stopped, or until it is empty (--drain).") { drain };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(drain), ct));
        return command;
    }

    private static Task<int> RunAsync(bool drain, CancellationToken ct) =>
        EngineCommand.RunAsync("text", loadFlows: true, async session =>
        {
            if (drain)
            {
                await session.Flows.DrainQueueAsync(ct);
            }
            else
            {
                // The engine's own worker runs in the background; stopping the session stops it within the shutdown timeout.
                await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            var (pending, dead) = await session.Flows.CountQueuedRunsAsync(CancellationToken.None);
            Console.Out.WriteLine($"Worker stopped: {pending} runs queued, {dead} dead.");
            return CommandLine.Success;
        }, ct, workQueue: !drain);
}
