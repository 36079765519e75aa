namespace FlowCompiler.Runtime.Data;

/// <summary>
/// The panel tables a flow can read (<c>dbJoin.from</c>), in the product page's order. The row classes
/// are the only definition of their columns: the generator reads its table catalog from them.
/// </summary>
public static class FlowTables
{
    /// <summary>Every row type, each marked with its table name.</summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(ServerRow), typeof(UserRow), typeof(BalanceRow), typeof(ChargeRow), typeof(PackageRow),
        typeof(TemplateRow), typeof(Ipv4AddressRow), typeof(Ipv4RangeRow), typeof(Ipv6AddressRow),
        typeof(Ipv6RangeRow), typeof(TagRow), typeof(TicketRow), typeof(TicketMessageRow),
    ];
}
