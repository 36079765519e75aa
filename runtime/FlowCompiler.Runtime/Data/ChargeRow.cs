using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>A charge definition. <c>serverId</c> is ours: the product page joins charges to servers, which needs it. Table <c>charges</c>.</summary>
[FlowTable("charges")]
public sealed class ChargeRow
{
    /// <summary>Id of the charge.</summary>
    public int Id { get; set; }

    /// <summary>The server the charge is billed to.</summary>
    public int ServerId { get; set; }

    /// <summary>The price.</summary>
    public decimal Price { get; set; }

    /// <summary>The charge type (2: an OS template charge).</summary>
    public int Type { get; set; }

    /// <summary>1 fixed, 2 percentage.</summary>
    public int CalcType { get; set; }

    /// <summary>1 if applied during calculation only, not shown to the user.</summary>
    public int CalcOnly { get; set; }

    /// <summary>VMID of the Proxmox template when type is 2.</summary>
    public int? Osid { get; set; }

    /// <summary>1 if the charge recurs, 0 if applied once.</summary>
    public int Recurring { get; set; }

    /// <summary>Description set by an admin.</summary>
    public string Description { get; set; } = "";

    /// <summary>1 if the charge is active.</summary>
    public int Active { get; set; }
}
