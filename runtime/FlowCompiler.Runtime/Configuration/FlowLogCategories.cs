namespace FlowCompiler.Runtime.Configuration;

/// <summary>
/// The log categories of the engine, one per component, so a panel can set their levels apart
/// (<c>Logging:LogLevel:FlowCompiler.Dispatch</c> = <c>Warning</c>). Every message of a category has a stable
/// event id in the category's range, listed beside it.
/// </summary>
public static class FlowLogCategories
{
    /// <summary>The prefix of every category: <c>Logging:LogLevel:FlowCompiler</c> sets them all.</summary>
    public const string Root = "FlowCompiler";

    /// <summary>Start-up of the embedded engine: migration, loading, the publish folder. Event ids 1000–1099.</summary>
    public const string Startup = Root + ".Startup";

    /// <summary>Publishing, rolling back and compiling flows, and the compile cache. Event ids 1100–1199.</summary>
    public const string Publishing = Root + ".Publishing";

    /// <summary>Loading published flows into load contexts, warming them up and repacking them. Event ids 1200–1299.</summary>
    public const string Loading = Root + ".Loading";

    /// <summary>Running flows for raised events: failed runs. Event ids 1300–1399.</summary>
    public const string Dispatch = Root + ".Dispatch";

    /// <summary>Writing and pruning run records. Event ids 1400–1499.</summary>
    public const string Records = Root + ".Records";

    /// <summary>The requests of <c>rest</c> and <c>webhook</c> nodes: one line per failed attempt. Event ids 1500–1599.</summary>
    public const string Http = Root + ".Http";

    /// <summary>The durable run queue's workers: retries, dead runs, runs taken over by another worker. Event ids 1600–1699.</summary>
    public const string Queue = Root + ".Queue";
}
