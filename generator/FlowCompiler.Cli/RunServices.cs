using FlowCompiler.Cli.Engine;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Panel;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCompiler.Cli;

/// <summary>
/// The one place <c>flowc run</c> chooses where a flow's reads and actions go, on the configured panel
/// (SQLite in the working directory by default). A dry run (spec §6) reads for real (<c>dbJoin</c>,
/// <c>loadTags</c>), lets <c>ipam</c> pick an address without reserving it, answers <c>rest</c> with the
/// flow's example response and performs no action; a real run uses the same services as the host.
/// </summary>
internal static class RunServices
{
    public static IFlowServices From(EngineSession session, bool dryRun) =>
        dryRun ? session.Services.GetRequiredService<PanelDryRunFlowServices>() : session.Services.GetRequiredService<IFlowServices>();
}
