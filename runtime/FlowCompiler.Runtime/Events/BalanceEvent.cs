namespace FlowCompiler.Runtime.Events;

/// <summary>The payload of the <c>account.balanceAdded</c> and <c>account.balanceRemoved</c> events.</summary>
public sealed class BalanceEvent
{
    /// <summary>Database id of the balance entry.</summary>
    public int Id { get; init; }

    /// <summary>The user's id.</summary>
    public int Userid { get; init; }

    /// <summary>The balance the user has now.</summary>
    public decimal Balance { get; init; }
}
