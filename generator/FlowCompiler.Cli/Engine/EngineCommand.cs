using FlowCompiler.Runtime.Configuration;
using FlowCompiler.Runtime.Persistence;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Cli.Engine;

/// <summary>
/// Runs a command against the engine and turns start-up problems into one clear message: a bad setting
/// (named by its configuration key) or a database that cannot be reached is exit 2, never a stack trace.
/// </summary>
internal static class EngineCommand
{
    /// <summary>Opens the engine (<see cref="EngineSession.OpenAsync"/>), runs <paramref name="command"/> on it, and closes it.</summary>
    /// <param name="format">text or json: how a start-up problem is written.</param>
    /// <param name="loadFlows">Whether the published flows are loaded.</param>
    /// <param name="command">The command's work; returns the exit code.</param>
    /// <param name="ct">Cancels the command.</param>
    /// <param name="workQueue">Whether the engine works the durable queue in the background meanwhile (<c>flowc worker</c>).</param>
    public static async Task<int> RunAsync(string format, bool loadFlows, Func<EngineSession, Task<int>> command, CancellationToken ct, bool workQueue = false)
    {
        EngineSession session;
        try
        {
            session = await EngineSession.OpenAsync(loadFlows, workQueue: workQueue, ct: ct);
        }
        catch (Exception e) when (StartupProblem(e) is { } problem)
        {
            DiagnosticOutput.WriteUsageError(format, problem);
            return CommandLine.Usage;
        }

        await using (session)
        {
            try
            {
                return await command(session);
            }
            catch (PanelDatabaseException e)
            {
                DiagnosticOutput.WriteUsageError(format, e.Message);
                return CommandLine.Failed;
            }
        }
    }

    private static string? StartupProblem(Exception error) => error switch
    {
        OptionsValidationException options => "configuration: " + string.Join(" ", options.Failures),
        PanelDatabaseException database => "database: " + database.Message,
        AggregateException { InnerExceptions: [var inner] } => StartupProblem(inner),
        InvalidOperationException { InnerException: { } inner } when StartupProblem(inner) is { } problem => problem,
        // The configuration binders report a key that names no setting, or a value that does not convert, this way.
        InvalidOperationException { Message: var message } when message.Contains(FlowRuntimeSections.Root + ":", StringComparison.Ordinal) => "configuration: " + message,
        _ => null,
    };
}
