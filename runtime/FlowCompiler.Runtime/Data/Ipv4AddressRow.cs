using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>An IPv4 address handed out by IPAM. Table <c>ipv4Addresses</c>.</summary>
[FlowTable("ipv4Addresses")]
public sealed class Ipv4AddressRow
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The address.</summary>
    public string Ip { get; set; } = "";

    /// <summary>Id of the IPv4 range.</summary>
    [FlowName("fk_ipam")]
    public int RangeId { get; set; }

    /// <summary>Optional MAC address.</summary>
    public string? Mac { get; set; }

    /// <summary>1 in use, 0 free.</summary>
    [FlowName("in_use")]
    public int InUse { get; set; }
}
