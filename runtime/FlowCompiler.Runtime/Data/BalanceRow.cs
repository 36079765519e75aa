using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>A user's balance entry. Table <c>balances</c>.</summary>
[FlowTable("balances")]
public sealed class BalanceRow
{
    /// <summary>Database id of the balance entry.</summary>
    public int Id { get; set; }

    /// <summary>The user's id.</summary>
    public int Userid { get; set; }

    /// <summary>The balance the user has.</summary>
    public decimal Balance { get; set; }
}
