using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>An IPv6 subnet handed out by IPAM. Table <c>ipv6Addresses</c>.</summary>
[FlowTable("ipv6Addresses")]
public sealed class Ipv6AddressRow
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The address (the subnet's network address).</summary>
    public string Ip { get; set; } = "";

    /// <summary>Id of the IPv6 range.</summary>
    [FlowName("fk_ipam")]
    public int RangeId { get; set; }

    /// <summary>Optional MAC address.</summary>
    public string? Mac { get; set; }

    /// <summary>1 in use, 0 free.</summary>
    [FlowName("in_use")]
    public int InUse { get; set; }
}
