using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Cli;

/// <summary>
/// The one place <c>flowc run</c> chooses where a flow's reads and actions go. A dry run gets in-memory
/// services: actions are only recorded, <c>rest</c> answers with the flow's example response, <c>ipam</c>
/// picks from a test range, and reads find an empty panel, so nothing leaves the machine. A real run needs
/// the panel host (database, mail, Proxmox), which plugs in here.
/// </summary>
internal static class RunServices
{
    /// <summary>The services for a run, or null with the reason when that kind of run is not available.</summary>
    public static IFlowServices? Create(bool dryRun, out string? unavailable)
    {
        if (dryRun)
        {
            unavailable = null;
            return new InMemoryFlowServices();
        }

        unavailable = "a real run needs the panel host (database, mail, Proxmox VE), which this flowc does not have yet; "
            + "add --dry-run to see what the flow would do without sending anything.";
        return null;
    }
}
