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
    public static async Task<int> RunAsync(string format, bool loadFlows, Func<EngineSession, Task<int>> command, CancellationToken ct)
    {
        EngineSession session;
        try
        {
            session = await EngineSession.OpenAsync(loadFlows, ct: ct);
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
