using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>An IPv6 IPAM range, split into subnets of size <c>target</c>. Table <c>ipv6Ranges</c>.</summary>
[FlowTable("ipv6Ranges")]
public sealed class Ipv6RangeRow
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The network, e.g. 2a01:4f9:3a:1014::.</summary>
    public string Network { get; set; } = "";

    /// <summary>Prefix length of the range, e.g. 56.</summary>
    public int Prefix { get; set; }

    /// <summary>Prefix length of the subnets handed out, e.g. 64.</summary>
    public int Target { get; set; }

    /// <summary>Gateway address.</summary>
    public string Gateway { get; set; } = "";

    /// <summary>Global, node or user.</summary>
    public string Scope { get; set; } = "";

    /// <summary>Comma-separated nodes when scope is node.</summary>
    public string? Nodes { get; set; }

    /// <summary>When the range was created.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The user when scope is user.</summary>
    public int? UserId { get; set; }
}
