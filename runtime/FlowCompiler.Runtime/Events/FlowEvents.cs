namespace FlowCompiler.Runtime.Events;

/// <summary>
/// Every event of the panel's Event System, in the product page's order. This list and the payload
/// classes it names are the only definition of events: the generator reads its catalog from here.
/// </summary>
public static class FlowEvents
{
    /// <summary>All events, in a fixed order.</summary>
    public static IReadOnlyList<FlowEvent> All { get; } =
    [
        new("server.created", typeof(ServerEvent), "a server was created"),
        new("server.start", typeof(ServerEvent), "a server was started (not fired for a newly ordered server)"),
        new("server.stop", typeof(ServerEvent), "a server was stopped"),
        new("server.restart", typeof(ServerEvent), "a server was restarted"),
        new("account.updated", typeof(UserEvent), "a user updated their account information"),
        new("account.registration", typeof(UserEvent), "a user registered"),
        new("account.login", typeof(UserEvent), "a user logged in"),
        new("account.balanceAdded", typeof(BalanceEvent), "balance was added (except by an admin)"),
        new("account.balanceRemoved", typeof(BalanceEvent), "balance was removed (except by an admin)"),
        new("eventLog.created", typeof(EventLogEvent), "an event-log entry was created"),
    ];

    /// <summary>Finds an event by its exact name.</summary>
    public static FlowEvent? Find(string name)
    {
        foreach (var e in All)
        {
            if (string.Equals(e.Name, name, StringComparison.Ordinal))
            {
                return e;
            }
        }

        return null;
    }
}
