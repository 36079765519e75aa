using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>An IPv4 IPAM range. Table <c>ipv4Ranges</c>.</summary>
[FlowTable("ipv4Ranges")]
public sealed class Ipv4RangeRow
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>First address of the range.</summary>
    public string Start { get; set; } = "";

    /// <summary>Last address of the range.</summary>
    public string End { get; set; } = "";

    /// <summary>Prefix length of the subnet, e.g. 24.</summary>
    public int Subnet { get; set; }

    /// <summary>Gateway address of the subnet.</summary>
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
