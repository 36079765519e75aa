namespace FlowCompiler.Runtime.Events;

/// <summary>
/// Every event of the panel's Event System, in the product page's order, each also a typed descriptor
/// (<see cref="AccountRegistration"/>) for raising it with a payload the compiler checks. This list and the
/// payload classes it names are the only definition of events: the generator reads its catalog from here.
/// </summary>
public static class FlowEvents
{
    /// <summary><c>server.created</c>: a server was created.</summary>
    public static FlowEvent<ServerEvent> ServerCreated { get; } = new("server.created", "a server was created");

    /// <summary><c>server.start</c>: a server was started (not fired for a newly ordered server).</summary>
    public static FlowEvent<ServerEvent> ServerStart { get; } = new("server.start", "a server was started (not fired for a newly ordered server)");

    /// <summary><c>server.stop</c>: a server was stopped.</summary>
    public static FlowEvent<ServerEvent> ServerStop { get; } = new("server.stop", "a server was stopped");

    /// <summary><c>server.restart</c>: a server was restarted.</summary>
    public static FlowEvent<ServerEvent> ServerRestart { get; } = new("server.restart", "a server was restarted");

    /// <summary><c>account.updated</c>: a user updated their account information.</summary>
    public static FlowEvent<UserEvent> AccountUpdated { get; } = new("account.updated", "a user updated their account information");

    /// <summary><c>account.registration</c>: a user registered.</summary>
    public static FlowEvent<UserEvent> AccountRegistration { get; } = new("account.registration", "a user registered");

    /// <summary><c>account.login</c>: a user logged in.</summary>
    public static FlowEvent<UserEvent> AccountLogin { get; } = new("account.login", "a user logged in");

    /// <summary><c>account.balanceAdded</c>: balance was added (except by an admin).</summary>
    public static FlowEvent<BalanceEvent> AccountBalanceAdded { get; } = new("account.balanceAdded", "balance was added (except by an admin)");

    /// <summary><c>account.balanceRemoved</c>: balance was removed (except by an admin).</summary>
    public static FlowEvent<BalanceEvent> AccountBalanceRemoved { get; } = new("account.balanceRemoved", "balance was removed (except by an admin)");

    /// <summary><c>eventLog.created</c>: an event-log entry was created.</summary>
    public static FlowEvent<EventLogEvent> EventLogCreated { get; } = new("eventLog.created", "an event-log entry was created");

    /// <summary>All events, in a fixed order.</summary>
    public static IReadOnlyList<FlowEvent> All { get; } =
    [
        ServerCreated, ServerStart, ServerStop, ServerRestart,
        AccountUpdated, AccountRegistration, AccountLogin, AccountBalanceAdded, AccountBalanceRemoved,
        EventLogCreated,
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
